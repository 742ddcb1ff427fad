import { foldToken } from './fold.ts';

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

/**
 * Splits a text on everything that is not a letter or digit, Unicode-aware, and folds each
 * token (`info@Müller.de` → info, muller, de). Tokens that fold to nothing are skipped.
 */
export function tokenize(text: string, visit: TokenVisitor): void {
  if (isAscii(text)) {
    tokenizeAscii(text, visit);
    return;
  }
  for (const match of text.matchAll(UNICODE_TOKEN)) {
    const folded = foldToken(match[0]);
    if (folded !== '') visit(folded, match.index, match.index + match[0].length);
  }
}

// Most stored text is ASCII; a plain loop over char codes is several times faster than the
// Unicode regex, and lower-casing is all the folding ASCII needs.
function tokenizeAscii(text: string, visit: TokenVisitor): void {
  const lower = text.toLowerCase();
  forEachAsciiTokenRange(text, (start, end) => visit(lower.slice(start, end), start, end));
}

/** Whether `tokenize` would take the ASCII path for this text. */
export function isAscii(text: string): boolean {
  return !NON_ASCII_UNIT.test(text);
}

/** The `[start, end)` of each token of an ASCII text (runs of ASCII letters and digits). */
export function forEachAsciiTokenRange(
  text: string,
  visit: (start: number, end: number) => void,
): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inToken = i < text.length && isAsciiLetterOrDigit(text.charCodeAt(i));
    if (inToken && start < 0) start = i;
    if (!inToken && start >= 0) {
      visit(start, i);
      start = -1;
    }
  }
}

/** The folded tokens of a text, in order. */
export function foldedTokens(text: string): string[] {
  const tokens: string[] = [];
  tokenize(text, (folded) => tokens.push(folded));
  return tokens;
}
