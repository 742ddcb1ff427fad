// ISO 8601 calendar date, optionally with a time of day; a time needs `Z` or an offset, because
// a local time would mean a different instant on every server.
const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?))?$/;

/**
 * The first whole millisecond at or after an ISO 8601 timestamp, or undefined when the text is
 * not one. Rounding up keeps "created strictly before this instant" exact for tokens with more
 * than millisecond precision: a stored whole millisecond m is before t exactly when m < ceil(t).
 */
export function parseIsoTimestampCeilMs(text: string): number | undefined {
  const match = ISO_8601.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = match;
  const parts = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [y, mo, d, h, mi, s] = parts;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const offset = offsetMs(zone);
  if (offset === undefined) return undefined;
  const wholeMs = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const belowMs = /[1-9]/.test(fraction.slice(3)) ? 1 : 0;
  const utcMs = Date.UTC(y, mo - 1, d, h, mi, s, wholeMs);
  // Date.UTC rolls 31 February over into March: such a date is not a date.
  if (new Date(utcMs).getUTCDate() !== d) return undefined;
  return utcMs - offset + belowMs;
}

function offsetMs(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 23 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes) * 60_000;
}
