// Highlights computed from the stored text: the search engine's `matchedTokens` are found in the
// organization's own field value (case and accents aside), so whatever the value holds, stored
// `<mark>` tags included, stays text. The raw snippet (searchSnippet.ts) cannot tell its own tags
// from stored ones; it is used only where the field's text is not at hand.
import type { SnippetSegment } from './searchSnippet.ts';

/** Letters that NFKD does not take apart (as the sandbox's search folds them). */
const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const MARKS = /\p{M}/gu;
// Han, Hiragana and Katakana have no spaces between words: each character counts as a word (as
// the sandbox's search tokenizes them).
const LETTER_OR_DIGIT = /(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{N}]/u;

/** One character, case and accents aside (may be '' for a combining mark, or two letters). */
function foldChar(char: string): string {
  if (char.length === 1 && char.charCodeAt(0) < 0x80) return char.toLowerCase();
  const lower = char.toLowerCase();
  return SPECIAL[lower] ?? lower.normalize('NFKD').replace(MARKS, '');
}

interface Folded {
  text: string;
  /** For each UTF-16 unit of `text`: the start of the character of the original it came from. */
  from: number[];
  /** For each UTF-16 unit of `text`: the end of that character (combining marks after it included). */
  to: number[];
}

function fold(text: string): Folded {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let index = 0;
  for (const char of text) {
    const part = foldChar(char);
    const end = index + char.length;
    if (part === '' && to.length > 0) {
      // A combining mark belongs to the character before it.
      for (let k = to.length - 1; k >= 0 && to[k] === index; k--) to[k] = end;
    }
    for (let k = 0; k < part.length; k++) {
      from.push(index);
      to.push(end);
    }
    folded += part;
    index = end;
  }
  return { text: folded, from, to };
}

function foldToken(token: string): string {
  let folded = '';
  for (const char of token) folded += foldChar(char);
  return folded;
}

function isWordChar(text: string, at: number): boolean {
  const char = text[at];
  return char !== undefined && LETTER_OR_DIGIT.test(char);
}

/** Where `token` starts a word of `haystack` (`[start, end)` in the folded text). */
function occurrences(haystack: string, token: string): [number, number][] {
  const whole: [number, number][] = [];
  const prefixes: [number, number][] = [];
  if (token === '') return whole;
  for (let at = haystack.indexOf(token); at !== -1; at = haystack.indexOf(token, at + 1)) {
    if (isWordChar(haystack, at - 1) && isWordChar(haystack, at)) continue;
    const end = at + token.length;
    (isWordChar(haystack, end) && isWordChar(haystack, end - 1) ? prefixes : whole).push([at, end]);
  }
  // A token that never stands as a whole word marks the words it starts (a prefix match).
  return whole.length > 0 ? whole : prefixes;
}

/**
 * The text in runs, the occurrences of `tokens` marked. Each token is looked for at the start of
 * a word, case and accents aside (`muller` marks "Müller"); a token found as a whole word marks
 * only those, else the words it starts. Linear in the text for each token.
 */
export function markTokens(text: string, tokens: readonly string[]): SnippetSegment[] {
  const folded = fold(text);
  const ranges: [number, number][] = [];
  for (const token of new Set(tokens.map(foldToken))) {
    for (const [start, end] of occurrences(folded.text, token)) {
      ranges.push([folded.from[start]!, folded.to[end - 1]!]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const segments: SnippetSegment[] = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (end <= cursor) continue;
    const from = Math.max(start, cursor);
    if (from > cursor) segments.push({ text: text.slice(cursor, from), marked: false });
    const last = segments[segments.length - 1];
    if (last?.marked && from === cursor) last.text += text.slice(from, end);
    else segments.push({ text: text.slice(from, end), marked: true });
    cursor = end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), marked: false });
  return segments;
}

/** Characters kept before the first mark when a long text is cut to show it. */
const LEAD = 24;

/**
 * A long text's runs cut so the first mark is in view of a one-line cell: what comes before it
 * beyond a few words is replaced by "…". Short leads are kept whole.
 */
export function excerptAtFirstMark(segments: readonly SnippetSegment[]): SnippetSegment[] {
  const first = segments[0];
  if (first === undefined || first.marked || segments.length === 1) return [...segments];
  if (first.text.length <= LEAD * 2) return [...segments];
  const tail = first.text.slice(-LEAD);
  const space = tail.search(/\s/);
  const lead = space > 0 && space < LEAD - 4 ? tail.slice(space + 1) : tail;
  return [{ text: `…${lead}`, marked: false }, ...segments.slice(1)];
}
