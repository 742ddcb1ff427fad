// Zod (used by the forms) must never probe `new Function` in the browser:
// the CSP forbids eval and reports the probe as a violation.
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('zod without its eval probe', () => {
  it('the form module turns zod jitless, so building and using a schema never calls Function', async () => {
    const functionConstructor = vi.spyOn(globalThis, 'Function');
    await import('./organizationForm.ts');
    const { z } = await import('zod');

    const schema = z.object({ name: z.string(), size: z.number().optional() });
    expect(schema.parse({ name: 'a', size: 1, extra: true })).toEqual({ name: 'a', size: 1 });
    expect(functionConstructor).not.toHaveBeenCalled();
    expect(z.config().jitless).toBe(true);
  });
});
