// Case and diacritic folding of one token, so `muller`, `MÜLLER` and `Müller` index alike.

/** Letters that NFKD does not decompose into a base letter plus marks. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
  ſ: 's',
  ĸ: 'k',
  ŋ: 'n',
};
const SPECIAL_PATTERN = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'gu');
// Accents on Latin, Greek and Cyrillic letters and the vowel points of Arabic and Hebrew are
// what people leave out when typing; the marks of other scripts (Japanese voicing marks, Indic
// vowel signs) tell words apart, so they stay (recomposed by NFC).
const STRIPPED_MARKS =
  /(?<=[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Arabic}\p{sc=Hebrew}]\p{M}*)\p{M}/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}\p{M}]/gu;

// Folding goes through NFKD and three regexes; the same few thousand words (legal forms,
// cities, industries) recur in every record, so a bounded cache pays for itself at build time.
// Only tokens of real words' length are kept, so the cache holds at most a few megabytes.
const CACHE_LIMIT = 50_000;
const CACHED_TOKEN_LENGTH = 64;
const cache = new Map<string, string>();

/**
 * Folds one token: lower case, compatibility decomposition with the accents of Latin, Greek
 * and Cyrillic letters (and Arabic and Hebrew vowel points) removed, and the letters NFKD leaves alone mapped (ß→ss, ø→o, æ→ae, ł→l, đ→d, …).
 * May return '' when nothing searchable remains.
 */
export function foldToken(token: string): string {
  if (isAscii(token)) return token.toLowerCase();
  const cached = cache.get(token);
  if (cached !== undefined) return cached;
  const folded = token
    .normalize('NFKD')
    .replace(STRIPPED_MARKS, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(SPECIAL_PATTERN, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .replace(NOT_LETTER_OR_DIGIT, '');
  if (token.length > CACHED_TOKEN_LENGTH) return folded;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(token, folded);
  return folded;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}
