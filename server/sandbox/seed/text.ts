import type { Random } from './random.ts';

const FOLDED: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ı: 'i',
};

const slugs = new Map<string, string>();

/** Lower-case ASCII letters and digits of a name, for domains and mail addresses ("" if none). */
export function asciiSlug(text: string): string {
  // The seed's names come from small word lists: remember each slug instead of re-normalising.
  let slug = slugs.get(text);
  if (slug === undefined) {
    slug = slugOf(text);
    slugs.set(text, slug);
  }
  return slug;
}

function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ßæøłđı]/g, (letter) => FOLDED[letter] ?? '')
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}

/** Fills a pattern: `#` becomes a digit, `A` a capital letter. */
export function fillPattern(random: Random, pattern: string): string {
  return pattern.replace(/[#A]/g, (slot) =>
    slot === '#' ? String(random.below(10)) : String.fromCharCode(65 + random.below(26)),
  );
}

export function digits(random: Random, count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += String(random.below(10));
  return text;
}

/**
 * A moment between two instants whose milliseconds are never .000: the import batch alone uses
 * whole seconds, so its runs of identical timestamps stay exactly as long as promised.
 */
export function timestampBetween(random: Random, fromMs: number, toMs: number): number {
  const ms = fromMs + random.below(Math.max(1, toMs - fromMs));
  return ms % 1000 === 0 ? ms + 1 + random.below(999) : ms;
}

const DAY_MS = 86_400_000;
const days = new Map<number, string>();

/**
 * `new Date(ms).toISOString()`, several times faster: the seed formats half a million
 * timestamps, and they fall on a few thousand days whose date part is worth remembering.
 */
export function iso(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let date = days.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 11);
    days.set(day, date);
  }
  let rest = ms - day * DAY_MS;
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  return `${date}${two(hours)}:${two(minutes)}:${two(seconds)}.${String(millis).padStart(3, '0')}Z`;
}

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
