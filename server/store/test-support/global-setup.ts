// Vitest global setup of the `store` project (vite.config.ts): one throwaway PostgreSQL cluster
// per test run, shared by every test file of the project through `inject('postgres')`; each
// file or test creates its own databases in it (see store-engines.ts).
import type { TestProject } from 'vitest/node';
import {
  PostgresBinariesMissing,
  startPostgresCluster,
  type PostgresCluster,
} from './postgres-cluster.ts';
import { postgresTestPorts } from './postgres-for-tests.ts';

let cluster: PostgresCluster | undefined;

export async function setup(project: TestProject): Promise<void> {
  try {
    cluster = await startPostgresCluster({ ports: postgresTestPorts(process.env) });
    project.provide('postgres', { available: true, adminUrl: cluster.adminUrl });
  } catch (error) {
    if (!(error instanceof PostgresBinariesMissing)) throw error;
    const required = process.env.CI === 'true' || process.env.CI === '1';
    console.warn(
      `\n${required ? 'FAILING' : 'SKIPPING'} the PostgreSQL half of the store tests: ${error.message}\n`,
    );
    project.provide('postgres', { available: false, reason: error.message, required });
  }
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
  cluster = undefined;
}
