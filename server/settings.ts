// Reading environment variables: the error that stops the server, and the checks every setting
// shares (server/config.ts, server/auth/auth-config.ts, server/store/store-config.ts).

/** A setting that makes the server unable to start; the message says which and how to fix it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type Environment = Readonly<Record<string, string | undefined>>;

/** The value trimmed; undefined when unset or blank. */
export function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

export function integerSetting(
  env: Environment,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  return optionalIntegerSetting(env, name, min, max) ?? fallback;
}

export function optionalIntegerSetting(
  env: Environment,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const text = nonEmpty(env[name]);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${text}").`);
  }
  return value;
}
