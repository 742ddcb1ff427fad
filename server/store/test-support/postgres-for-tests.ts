declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresForTests;
  }
}

/** What the global setup hands to test files about the shared PostgreSQL cluster. */
export type PostgresForTests =
  | { available: true; adminUrl: string }
  | {
      available: false;
      reason: string;
      /** In CI (`CI=true`) a missing PostgreSQL fails the run instead of skipping. */
      required: boolean;
    };

/**
 * Ports the cluster may take: `POSTGRES_TEST_PORTS` ("4350-4359" or "4350,4351"), else any
 * free port the OS hands out.
 */
export function postgresTestPorts(env: NodeJS.ProcessEnv): number[] | undefined {
  const text = env.POSTGRES_TEST_PORTS?.trim();
  if (!text) return undefined;
  const range = /^(\d+)-(\d+)$/.exec(text);
  const ports = range
    ? Array.from(
        { length: Number(range[2]) - Number(range[1]) + 1 },
        (_, i) => Number(range[1]) + i,
      )
    : text.split(',').map((part) => Number(part.trim()));
  if (
    ports.length === 0 ||
    ports.some((port) => !Number.isInteger(port) || port < 1 || port > 65_535)
  ) {
    throw new Error(
      `POSTGRES_TEST_PORTS must be a range such as 4350-4359 or a list (got "${text}").`,
    );
  }
  return ports;
}
