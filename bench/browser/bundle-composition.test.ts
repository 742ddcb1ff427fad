import { describe, expect, it } from 'vitest';
import { partOf } from './bundle-composition.ts';

describe('partOf', () => {
  const root = '/work/app';

  it('names the npm package of a dependency, scoped or not', () => {
    expect(partOf('/work/app/node_modules/react-dom/cjs/react-dom.production.js', root)).toBe(
      'react-dom',
    );
    expect(partOf('/work/app/node_modules/@mantine/core/esm/components/Button.mjs', root)).toBe(
      '@mantine/core',
    );
    // A package nested in another's node_modules is named by the innermost one.
    expect(partOf('/work/app/node_modules/a/node_modules/@floating-ui/dom/x.mjs', root)).toBe(
      '@floating-ui/dom',
    );
  });

  it('names the project file of our own code, without query or virtual prefix', () => {
    expect(partOf('/work/app/src/api/client.ts', root)).toBe('src/api/client.ts');
    expect(partOf('/work/app/src/list.module.css?used', root)).toBe('src/list.module.css');
    expect(partOf('\0rolldown/runtime.js', root)).toBe('rolldown/runtime.js');
  });
});
