// The records and queries of issue 11's "one request freezes the server": a create of 8 words of
// 15,000 characters followed by searches for them, and a 1 MB create of 115,000 unique words.
// Deterministic (a fixed pseudo-random sequence), so every run sends the same bytes.

const LONG_WORDS = 8;
const LONG_WORD_LENGTH = 15_000;
const UNIQUE_WORDS = 115_000;

/** A small linear congruential generator: the same words on every run. */
function lettersFrom(seed: number): () => string {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) & 0x7fffffff;
    return String.fromCharCode(97 + (state % 26));
  };
}

function word(next: () => string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += next();
  return text;
}

export interface HostileSet {
  /** 8 words of 15,000 letters each. */
  longWords: string[];
  /** 115,000 distinct words of 4 to 8 letters (about 1 MB with the spaces). */
  uniqueWords: string[];
  /** Searches that made the index work hardest before it bounded its work. */
  queries: string[];
}

export function hostileSet(): HostileSet {
  const next = lettersFrom(11);
  const longWords = Array.from({ length: LONG_WORDS }, () => word(next, LONG_WORD_LENGTH));
  const seen = new Set<string>();
  while (seen.size < UNIQUE_WORDS) seen.add(word(next, 4 + (next().charCodeAt(0) % 5)));
  const uniqueWords = [...seen];
  const nearMiss = (text: string): string =>
    `${text.slice(0, -1)}${text.endsWith('a') ? 'b' : 'a'}`;
  const queries = [
    // Each long word exactly, then one letter off (an edit distance over 15,000 × 15,000 cells).
    ...longWords.slice(0, 2),
    ...longWords.slice(0, 4).map(nearMiss),
    longWords.join(' '),
    longWords.map(nearMiss).join(' '),
    `${(longWords[0] as string).slice(0, 40)}`,
    // Words of the 1 MB record: exact, misspelt, partial and partial misspelt; 16 at once.
    ...uniqueWords.slice(0, 4),
    ...uniqueWords.slice(4, 8).map(nearMiss),
    ...uniqueWords.slice(8, 12).map((text) => text.slice(0, 3)),
    uniqueWords.slice(12, 28).join(' '),
    uniqueWords.slice(28, 44).map(nearMiss).join(' '),
    // Sixteen one-letter prefixes and sixteen common three-letter ones: the widest expansions.
    'a b c d e f g h i j k l m n o p',
    'abc bcd cde def efg fgh ghi hij ijk jkl klm lmn mno nop opq pqr',
    '*',
  ];
  return { longWords, uniqueWords, queries };
}
