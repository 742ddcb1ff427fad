// Reading environment variables: the error that stops the server, and the checks every setting
// shares (server/config.ts, server/auth/auth-config.ts, server/store/store-config.ts).

/**
 * Settings that make the server unable to start: one sentence per bad variable, saying which and
 * how to fix it (the message is the sentences, one a line).
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly problems: readonly string[];

  constructor(problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : [...problems];
    super(list.join('\n'));
    this.problems = list;
  }
}

/**
 * Collects every bad setting, so that the server names them all at once rather than one per
 * attempt to start: each read that throws a ConfigError adds its problems and gives a fallback
 * for the reads that depend on it.
 */
export class ConfigProblems {
  private readonly list: string[] = [];

  read<T>(read: () => T, fallback: T): T {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      this.list.push(...error.problems);
      return fallback;
    }
  }

  add(problem: string): void {
    this.list.push(problem);
  }

  get any(): boolean {
    return this.list.length > 0;
  }

  get all(): readonly string[] {
    return this.list;
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw new ConfigError(this.list);
  }
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
