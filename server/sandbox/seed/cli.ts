// `npm run seed -- [--organizations N] [--data-dir DIR] [--reset]`: writes the sandbox seed.
import { parseArgs } from 'node:util';
import { databasePath, openDatabase } from '../db/open-database.ts';
import { createOrganizationStore } from '../db/organization-store.ts';
import { DEFAULT_SEED_ORGANIZATIONS } from '../seed-defaults.ts';
import { clearDatabase } from './clear-database.ts';
import { seedDatabase } from './seed-database.ts';

const USAGE = `Usage: npm run seed -- [--organizations N] [--data-dir DIR] [--reset]
  --organizations N  organizations to write (default ${DEFAULT_SEED_ORGANIZATIONS})
  --data-dir DIR     directory of sandbox.sqlite (default: $DATA_DIR, else ./.data)
  --reset            delete what the database holds first (otherwise a non-empty one is refused)`;

function main(): number {
  const { values } = parseArgs({
    options: {
      organizations: { type: 'string' },
      'data-dir': { type: 'string' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const count = Number(values.organizations ?? DEFAULT_SEED_ORGANIZATIONS);
  if (!Number.isSafeInteger(count) || count < 1) {
    console.error(`--organizations must be a whole number of at least 1\n${USAGE}`);
    return 2;
  }
  const dataDir = values['data-dir'] ?? process.env.DATA_DIR ?? './.data';

  const db = openDatabase(dataDir);
  try {
    const existing = createOrganizationStore(db).count();
    if (existing > 0 && !values.reset) {
      console.error(
        `${databasePath(dataDir)} already holds ${existing.toLocaleString('en')} organizations; ` +
          'add --reset to replace them.',
      );
      return 1;
    }
    const started = performance.now();
    if (existing > 0) clearDatabase(db);
    const summary = seedDatabase(db, { organizations: count });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(
      `Seeded ${databasePath(dataDir)}: ${summary.organizations.toLocaleString('en')} organizations, ` +
        `${summary.contacts.toLocaleString('en')} contacts, ` +
        `${summary.links.toLocaleString('en')} contact links in ${seconds} s.`,
    );
    return 0;
  } finally {
    db.close();
  }
}

process.exitCode = main();
