// BULK_RATE_PER_SECOND: how many organizations a second this console's bulk jobs write at most
// (every bulk job of the process shares it; a 429 from the API slows it further for as long as
// its Retry-After says). Default 50: a 1,000-record job in about 20 s.
export const DEFAULT_BULK_RATE_PER_SECOND = 50;

export function bulkRateSetting(
  env: Readonly<Record<string, string | undefined>>,
): number | string {
  const text = env.BULK_RATE_PER_SECOND?.trim();
  if (text === undefined || text === '') return DEFAULT_BULK_RATE_PER_SECOND;
  const rate = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(rate > 0) || rate > 10_000) {
    return `BULK_RATE_PER_SECOND must be a number of writes a second above 0 and at most 10000 (got "${text}").`;
  }
  return rate;
}
