// The one wording of relative times, everywhere in the console (the list's cells, an
// organization's dates, drafts, scans): "3 days ago", short enough for a table cell, with the
// exact date and time for its hover text.

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' });
const exact = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'long' });

/**
 * "3 days ago", "in 2 hr.", "just now"; null when `iso` is not a timestamp. Under a minute either
 * way is "just now": the browser's and the server's clocks differ a little, and a record just
 * saved is not "in 3 seconds".
 */
export function relativeTime(iso: string, nowMs: number): string | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const difference = ms - nowMs;
  for (const [unit, size] of UNITS) {
    if (Math.abs(difference) < size) continue;
    const count = Math.round(difference / size);
    // 11.6 months rounds to 12: say "last year" rather than "12 months ago".
    if (unit === 'month' && Math.abs(count) >= 12) return relative.format(Math.sign(count), 'year');
    return relative.format(count, unit);
  }
  return 'just now';
}

/**
 * "Mar 14, 2024, 9:30:00 AM GMT+1" in the viewer's time zone, named; null when `iso` is not a
 * timestamp.
 */
export function exactTime(iso: string): string | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : exact.format(ms);
}

/** When something happened (ms since the epoch) in words: "5 min. ago", "just now". */
export function timeAgo(ms: number, nowMs: number = Date.now()): string {
  return relativeTime(new Date(ms).toISOString(), nowMs) ?? 'earlier';
}
