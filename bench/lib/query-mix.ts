import type { OrganizationDto } from '../../server/sandbox/types.ts';

/** Search queries of one, two and three words, as people type them into the console. */
export interface QueryMix {
  oneWord: string[];
  twoWords: string[];
  threeWords: string[];
}

const WORD = /[\p{L}\p{N}]+/gu;
const QUERIES_PER_KIND = 200;
// `*`, the seed's Northwind Traders misspelt (whole and half typed), Seattle half typed and
// misspelt, and the short prefixes of search as you type.
const FIXED_ONE_WORD = [
  '*',
  'nortwind',
  'nortw',
  'seatl',
  'a',
  'b',
  'mu',
  'sch',
  'kr',
  'in',
  'ber',
  'lo',
];

/**
 * Builds a realistic mix from organizations actually stored: exact name words, prefixes of
 * one to three letters, misspellings (a swap of two letters, a dropped letter) of whole and of
 * half-typed words, email domains, cities and `*`; two and three words combine name words,
 * partial last words, cities and industries. Deterministic for the same sample.
 */
export function buildQueryMix(sample: readonly OrganizationDto[]): QueryMix {
  const mix: QueryMix = {
    oneWord: [],
    twoWords: [],
    threeWords: [],
  };
  sample.forEach((organization, index) => {
    const words = organization.name.match(WORD) ?? [];
    const [first, second, third] = words;
    const city = organization.address?.location;
    const industryWord = organization.industry?.match(WORD)?.[0];
    const domain = organization.email?.split('@')[1];
    switch (index % 6) {
      case 0:
        if (first) mix.oneWord.push(first);
        break;
      case 1:
        // Every other one half typed: the misspelt word without its last two letters.
        if (first && first.length >= 5) {
          const misspelt = misspell(first);
          mix.oneWord.push(
            index % 12 === 1 ? misspelt : misspelt.slice(0, Math.max(4, misspelt.length - 2)),
          );
        }
        break;
      case 2:
        if (domain) mix.oneWord.push(domain);
        break;
      case 3:
        if (city) mix.oneWord.push(city);
        break;
      case 4:
        if (first) mix.oneWord.push(first.slice(0, 3).toLowerCase());
        break;
      default:
        if (first) mix.oneWord.push(first.toLowerCase());
    }
    if (first && second) {
      const variants = [
        `${first} ${second}`,
        `${first} ${second.slice(0, 2)}`,
        `${first.length >= 5 ? misspell(first) : first} ${second}`,
        city ? `${first} ${city}` : `${first} ${second}`,
      ];
      mix.twoWords.push(variants[index % variants.length] as string);
    }
    if (first && second && third) {
      mix.threeWords.push(
        index % 2 === 0 ? `${first} ${second} ${third}` : `${first} ${second} ${third.slice(0, 1)}`,
      );
    } else if (first && city && industryWord) {
      mix.threeWords.push(
        index % 2 === 0
          ? `${first} ${industryWord} ${city}`
          : `${misspell(first)} ${industryWord} ${city.slice(0, 3)}`,
      );
    }
  });
  return {
    oneWord: [...FIXED_ONE_WORD, ...spread(mix.oneWord, QUERIES_PER_KIND - FIXED_ONE_WORD.length)],
    twoWords: spread(mix.twoWords, QUERIES_PER_KIND),
    threeWords: spread(mix.threeWords, QUERIES_PER_KIND),
  };
}

/** At most `count` items, taken evenly across the list (the first ones always included). */
function spread(items: readonly string[], count: number): string[] {
  if (items.length <= count) return [...items];
  return Array.from(
    { length: count },
    (_, i) => items[Math.floor((i * items.length) / count)] as string,
  );
}

/** A typing slip: two neighbouring letters swapped, or for long words one letter dropped. */
export function misspell(word: string): string {
  if (word.length < 4) return word;
  if (word.length >= 8) return word.slice(0, 3) + word.slice(4);
  return word.slice(0, 1) + (word[2] as string) + (word[1] as string) + word.slice(3);
}
