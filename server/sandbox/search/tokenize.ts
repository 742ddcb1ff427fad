import { foldToken } from './fold.ts';
import { MAX_TOKEN_LENGTH } from './limits.ts';

/**
 * Receives each token of a text: its folded form and where the raw token sits in the text
 * (`start` inclusive, `end` exclusive, in UTF-16 code units).
 */
export type TokenVisitor = (folded: string, start: number, end: number) => void;

// A word is a run of letters and digits (marks may follow a letter: decomposed accents,
// Indic vowel signs). Han, Hiragana and Katakana have no spaces between words, so each of
// their characters is a token of its own: a query for any part of a Japanese or Chinese name
// then finds it, at the price of ranking by characters rather than words.
const CJK = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}`;
const UNICODE_TOKEN = new RegExp(
  String.raw`[${CJK}]|(?:(?![${CJK}])[\p{L}\p{N}])(?:(?![${CJK}])[\p{L}\p{N}\p{M}])*`,
  'gu',
);

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

// Any UTF-16 unit above 0x7f (surrogates included); a native regex scan beats a JS loop.
const NON_ASCII_UNIT = /[\u0080-\uffff]/;

// A raw token longer than this is folded from its first units only (folding never shortens a
// token fourfold: an accent is one unit, and ß or æ become two letters).
const MAX_RAW_TOKEN_LENGTH = MAX_TOKEN_LENGTH * 4;

/**
 * Splits `text[0, end)` on everything that is not a letter or digit, Unicode-aware, and folds
 * each token (`info@Müller.de` → info, muller, de), cut to MAX_TOKEN_LENGTH units. Tokens that
 * fold to nothing are skipped. Stops after `maxTokens` tokens; returns how many it visited.
 */
export function tokenize(
  text: string,
  visit: TokenVisitor,
  maxTokens = Number.POSITIVE_INFINITY,
  end = text.length,
): number {
  const scanned = end < text.length ? text.slice(0, end) : text;
  if (isAscii(scanned)) return tokenizeAscii(scanned, visit, maxTokens);
  let count = 0;
  for (const match of scanned.matchAll(UNICODE_TOKEN)) {
    if (count >= maxTokens) break;
    const folded = foldLongToken(match[0]);
    if (folded === '') continue;
    visit(folded, match.index, match.index + match[0].length);
    count++;
  }
  return count;
}

/** `foldToken`, cut to MAX_TOKEN_LENGTH units (never inside a surrogate pair). */
export function foldLongToken(raw: string): string {
  const folded = foldToken(
    raw.length > MAX_RAW_TOKEN_LENGTH ? raw.slice(0, MAX_RAW_TOKEN_LENGTH) : raw,
  );
  if (folded.length <= MAX_TOKEN_LENGTH) return folded;
  const lastKept = folded.charCodeAt(MAX_TOKEN_LENGTH - 1);
  const isHighSurrogate = lastKept >= 0xd800 && lastKept <= 0xdbff;
  return folded.slice(0, isHighSurrogate ? MAX_TOKEN_LENGTH - 1 : MAX_TOKEN_LENGTH);
}

// Most stored text is ASCII; a plain loop over char codes is several times faster than the
// Unicode regex, and lower-casing is all the folding ASCII needs.
function tokenizeAscii(text: string, visit: TokenVisitor, maxTokens: number): number {
  const lower = text.toLowerCase();
  return forEachAsciiTokenRange(
    text,
    (start, end) => visit(lower.slice(start, Math.min(end, start + MAX_TOKEN_LENGTH)), start, end),
    maxTokens,
  );
}

/** Whether `tokenize` would take the ASCII path for this text. */
export function isAscii(text: string): boolean {
  return !NON_ASCII_UNIT.test(text);
}

/**
 * The `[start, end)` of each token of an ASCII text (runs of ASCII letters and digits), the
 * whole run even when it is longer than MAX_TOKEN_LENGTH. Stops after `maxTokens`; returns how
 * many it visited.
 */
export function forEachAsciiTokenRange(
  text: string,
  visit: (start: number, end: number) => void,
  maxTokens = Number.POSITIVE_INFINITY,
): number {
  let count = 0;
  let start = -1;
  for (let i = 0; i <= text.length && count < maxTokens; i++) {
    const inToken = i < text.length && isAsciiLetterOrDigit(text.charCodeAt(i));
    if (inToken && start < 0) start = i;
    if (!inToken && start >= 0) {
      visit(start, i);
      count++;
      start = -1;
    }
  }
  return count;
}

/** The folded tokens of a text, in order (each cut to MAX_TOKEN_LENGTH). */
export function foldedTokens(text: string): string[] {
  const tokens: string[] = [];
  tokenize(text, (folded) => tokens.push(folded));
  return tokens;
}
