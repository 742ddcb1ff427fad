import type { Random } from './random.ts';

export const IMPORT_BATCH_SIZE = 1000;
export const LONGEST_IMPORT_RUN = 100;
/** 14 March 2024, 09:30:00 UTC: whole seconds, which no other seeded record uses. */
export const IMPORT_BATCH_START_MS = Date.UTC(2024, 2, 14, 9, 30, 0);

/**
 * Lengths of the runs of identical `created` values in a bulk import of `size` organizations:
 * the first run is 100 long (the case that breaks naive paging at limit 50 and 100), the others
 * 2 to 99; a run of 1 only when `size` itself is 1.
 */
export function importRunLengths(random: Random, size: number): number[] {
  const runs: number[] = [];
  let remaining = size;
  while (remaining > 0) {
    let length =
      runs.length === 0
        ? Math.min(LONGEST_IMPORT_RUN, remaining)
        : random.int(2, Math.min(LONGEST_IMPORT_RUN - 1, remaining));
    // Never leave a single organization for a last run of 1.
    if (remaining - length === 1) length += length < LONGEST_IMPORT_RUN ? 1 : -1;
    runs.push(length);
    remaining -= length;
  }
  return runs;
}

/** The shared `created` of each run: one second apart, as an importer writing in chunks. */
export function importRunTimestamp(runIndex: number): number {
  return IMPORT_BATCH_START_MS + runIndex * 1000;
}
