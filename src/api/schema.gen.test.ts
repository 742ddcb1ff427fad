// schema.gen.ts must be exactly what `npm run generate:api` makes from openapi.json: a hand edit,
// or a contract change without regenerating, fails here.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';

const contractUrl = new URL('./openapi.json', import.meta.url);
const generatedPath = fileURLToPath(new URL('./schema.gen.ts', import.meta.url));

describe('schema.gen.ts', () => {
  it('is what regenerating from openapi.json with the repository prettier config gives', async () => {
    // The same steps as the openapi-typescript CLI (header + printed AST), then prettier.
    const generated = `${COMMENT_HEADER}${astToString(await openapiTS(contractUrl))}`;
    const prettierConfig = (await resolveConfig(generatedPath)) ?? {};
    const expected = await format(generated, { ...prettierConfig, filepath: generatedPath });
    const committed = await readFile(generatedPath, 'utf8');
    expect(
      committed,
      'src/api/schema.gen.ts is stale or hand-edited: run `npm run generate:api` and commit it',
    ).toBe(expected);
  });
});
