// Typo-tolerant word matching in the browser, by the sandbox's rules (README, "Sandbox choices"):
// one typo from 4 letters, two from 8, swapped neighbours counting as one.

/** Typos forgiven in a word of this many letters: none below 4, one from 4, two from 8. */
export function typoAllowance(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/**
 * Edits (insert, delete, substitute, swap two neighbours) between `a` and `b`, or `limit + 1`
 * as soon as it is known to exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      }
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    beforePrevious = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * `word` starts with `typed`, give or take the typos its length allows ("northwind" starts with
 * "nortw", "seattle" with "seatl", "schmidt" with "shmid"). Both folded already.
 */
export function startsWithTypo(word: string, typed: string): boolean {
  if (word.startsWith(typed)) return true;
  const allowance = typoAllowance(typed.length);
  if (allowance === 0) return false;
  for (let length = typed.length - allowance; length <= typed.length + allowance; length += 1) {
    if (length < 1 || length > word.length) continue;
    if (editDistance(typed, word.slice(0, length), allowance) <= allowance) return true;
  }
  return false;
}

/** Lower case without diacritics, so "muller" finds "Müller". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The words of a folded text as the search engine cuts them: runs of letters and digits
 * ("info@müller.de" → info, muller, de), but Han, Hiragana and Katakana one character each, as
 * the sandbox's tokenizer does ("富士 Sports" → 富, 士, sports).
 */
export function wordsOf(text: string): string[] {
  return foldText(text).match(WORD) ?? [];
}

const WORD =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}])+/gu;
