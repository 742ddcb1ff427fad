import {
  contactsOf,
  hostileContact,
  ordinaryContactCount,
  type ContactRecord,
} from './contacts.ts';
import { IMPORT_BATCH_SIZE, importRunLengths, importRunTimestamp } from './import-batch.ts';
import { nearDuplicate, regularOrganization } from './organizations.ts';
import { createRandom, type Random } from './random.ts';
import { SEED_END_MS, SEED_START_MS, type SeedOrganization } from './seed-types.ts';
import {
  HOSTILE_STRINGS,
  NORTHWIND_CONTACTS,
  hostileOrganizations,
  knownDuplicates,
  northwindTraders,
} from './special-organizations.ts';
import { timestampBetween } from './text.ts';

/** Fixed: the seed is the same on every run (tests and screenshots rely on it). */
const SEED = 0x5eed_2024;
const NEAR_DUPLICATE_SHARE = 0.03;
/** Near-duplicates copy one of the last this-many ordinary organizations. */
const DUPLICATE_POOL = 2000;

export type SeedRecord = { kind: 'organization'; seeded: SeedOrganization } | ContactRecord;

/**
 * The seed data for `count` organizations, streamed (each organization followed by its
 * contacts) so that 100,000 of them never sit in memory at once. In this order: Northwind
 * Traders (520 contacts), one organization per hostile string, a fixed set of duplicated
 * companies, the bulk-import batch of up to 1,000 with runs of identical `created`, then ordinary
 * organizations, about 3% of them near-duplicates of earlier ones. A small count keeps only the
 * first records.
 */
export function* generateSeed(count: number): Generator<SeedRecord> {
  const random = createRandom(SEED);
  const knownContactIds: string[] = [];
  let remaining = count;

  if (remaining > 0) {
    const northwind = northwindTraders(random);
    yield { kind: 'organization', seeded: northwind };
    yield* contactsOf(random, northwind, NORTHWIND_CONTACTS, knownContactIds);
    remaining--;
  }

  const hostile = hostileOrganizations(random).slice(0, remaining);
  for (const [index, seeded] of hostile.entries()) {
    yield { kind: 'organization', seeded };
    const contact = hostileContact(random, seeded, HOSTILE_STRINGS[index] ?? '');
    yield { kind: 'contact', contact, organizationId: seeded.organization.id };
  }
  remaining -= hostile.length;

  for (const seeded of knownDuplicates(random).slice(0, remaining)) {
    yield* ordinary(random, seeded);
    remaining--;
  }

  const batchSize = Math.min(IMPORT_BATCH_SIZE, remaining);
  for (const [runIndex, length] of importRunLengths(random, batchSize).entries()) {
    for (let i = 0; i < length; i++) {
      yield* ordinary(random, regularOrganization(random, importRunTimestamp(runIndex)));
    }
  }
  remaining -= batchSize;

  const recent: SeedOrganization[] = [];
  for (let i = 0; i < remaining; i++) {
    const createdMs = timestampBetween(random, SEED_START_MS, SEED_END_MS);
    const seeded =
      recent.length > 0 && random.chance(NEAR_DUPLICATE_SHARE)
        ? nearDuplicate(random, random.pick(recent), createdMs)
        : regularOrganization(random, createdMs);
    recent[i % DUPLICATE_POOL] = seeded;
    yield* ordinary(random, seeded);
  }

  function* ordinary(random: Random, seeded: SeedOrganization): Generator<SeedRecord> {
    yield { kind: 'organization', seeded };
    yield* contactsOf(random, seeded, ordinaryContactCount(random), knownContactIds);
  }
}
