const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
  ['second', 1000],
];

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const exact = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'long' });

/** "3 days ago", "in 2 hours", "now"; undefined when the timestamp cannot be read. */
export function relativeTimeText(iso: string, nowMs: number): string | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  const difference = ms - nowMs;
  // Clocks of browser and server differ a little: a just-saved record is not "in 3 seconds".
  if (Math.abs(difference) < 45_000) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(difference) >= size) return relative.format(Math.round(difference / size), unit);
  }
  return relative.format(0, 'second');
}

/** The full date and time with its zone, for the hover text. */
export function exactTimeText(iso: string): string | undefined {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : exact.format(ms);
}
