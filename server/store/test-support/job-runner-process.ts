// For job-runner.test.ts: a job runner in a process of its own, as a replica would run it, so the
// test can `kill -9` it mid-job. It opens the store the environment names (JOB_TEST_DATA_DIR,
// JOB_TEST_DATABASE_URL), works `count` jobs' items by appending "<owner> <recordId>" to
// JOB_TEST_EFFECTS (the item's effect, as an API update would be), and before the work of the item
// whose record is JOB_TEST_HANG_AT prints "working <recordId>" and hangs there forever.
import { appendFileSync } from 'node:fs';
import { openConsoleStore } from '../open-console-store.ts';
import { createJobRunner } from '../jobs/job-runner.ts';

const env = process.env;
const required = (name: string): string => {
  const value = env[name];
  if (value === undefined || value === '') throw new Error(`${name} is required`);
  return value;
};
const effects = required('JOB_TEST_EFFECTS');
const owner = required('JOB_TEST_OWNER');
const hangAt = env.JOB_TEST_HANG_AT;

const store = await openConsoleStore({
  dataDir: required('JOB_TEST_DATA_DIR'),
  databaseUrl: env.JOB_TEST_DATABASE_URL || undefined,
});
const runner = createJobRunner({
  store: store.jobs,
  owner,
  leaseMs: Number(required('JOB_TEST_LEASE_MS')),
  pollMs: 20,
  log: () => {},
  work: {
    bulkUpdate: {
      async item(item) {
        if (item.recordId === hangAt) {
          process.stdout.write(`working ${item.recordId}\n`);
          await new Promise(() => {});
        }
        appendFileSync(effects, `${owner} ${item.recordId}\n`);
        return { status: 'done' };
      },
    },
  },
});
runner.start();
process.stdout.write('ready\n');
