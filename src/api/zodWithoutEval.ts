// Full zod still checks the forms and the palette's recent list (src/lib), in chunks loaded after
// the list. Zod 4 probes `new Function` when it builds its first object schema, to compile fast
// parsers; our CSP forbids eval, and the probe alone logs a violation (e2e/smoke.spec.ts fails on
// it). `z.config({ jitless: true })` in schemas.ts used to prevent that, but calling it would put
// zod back on the list's path, which validate.ts took it off. Zod 4 reads its settings from one
// object on globalThis (zod/v4/core/core.js, `__zod_globalConfig`, created only when missing), so
// setting the flag there from the API layer, which runs before any zod chunk loads, does the same.

declare global {
  var __zod_globalConfig: { jitless?: boolean } | undefined;
}

globalThis.__zod_globalConfig ??= {};
globalThis.__zod_globalConfig.jitless = true;

export {};
