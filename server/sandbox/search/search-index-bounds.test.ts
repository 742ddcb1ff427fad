import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.ts';
import { createOrganizationStore } from '../db/organization-store.ts';
import { call, ORGANIZATIONS_PATH, openTestSandbox } from '../test-support/sandbox-client.ts';
import type { OrganizationDto } from '../types.ts';
import { createSearchIndex } from './index.ts';
import {
  MAX_DOCUMENT_CHARS,
  MAX_DOCUMENT_TOKENS,
  MAX_QUERY_CHARS,
  MAX_QUERY_TOKENS,
  MAX_TOKEN_LENGTH,
} from './limits.ts';
import {
  hitNames as names,
  searchIndex as search,
  testOrganization as organization,
} from './test-organizations.ts';
import type { SearchIndex, SearchIndexMemoryStats } from './types.ts';

/**
 * `count` distinct words of letters only: `first`, then the number's base-26 digits, each
 * written three times, so that no two are within two typos of each other.
 */
function uniqueWords(count: number, first = 'q'): string[] {
  return Array.from({ length: count }, (_, i) => {
    let word = first;
    for (let n = i, digits = 0; digits < 3 || n > 0; n = Math.floor(n / 26), digits++) {
      word += String.fromCharCode(97 + (n % 26)).repeat(3);
    }
    return word;
  });
}

/** Whether some hit marks `token` as matched. */
const marks = (index: SearchIndex, query: string, token: string): boolean =>
  search(index, query, { pageSize: 250 }).hits.some((hit) =>
    hit.highlights.some((highlight) => highlight.matchedTokens.includes(token)),
  );

const statsOf = (index: SearchIndex): SearchIndexMemoryStats => index.memoryStats();

const everyday = (): OrganizationDto[] =>
  Array.from({ length: 50 }, (_, i) =>
    organization({
      name: `Bakery ${i} GmbH`,
      email: `info@bakery${i}.example`,
      industry: i % 2 === 0 ? 'Food' : 'Retail',
      address: { location: 'Hamburg', country: 'Germany' },
    }),
  );

describe('hostile tokens', () => {
  it('indexes and finds a 15,000-letter word by its first 64 letters', () => {
    const words = Array.from({ length: 8 }, (_, i) =>
      String.fromCharCode(97 + i)
        .repeat(15_000 - 1)
        .concat('z'),
    );
    const index = createSearchIndex([organization({ name: words.join(' ') }), ...everyday()]);
    // The first 65,536 characters hold four words and the start of the fifth.
    for (const [i, word] of words.entries()) {
      const [hit] = search(index, word).hits;
      if (i >= 5) {
        expect(hit, `word ${i}`).toBeUndefined();
        continue;
      }
      expect(hit?.highlights[0]?.matchedTokens).toEqual([i < 4 ? word : word.slice(0, 5_532)]);
      // One letter off past the first 64: the same indexed term.
      expect(search(index, `${word.slice(0, -1)}y`).found).toBe(1);
    }
    // One letter off within the first 64 is a typo.
    expect(search(index, `b${(words[0] as string).slice(1, 200)}`).found).toBe(1);
    const before = statsOf(index).terms;
    index.upsert(organization({ name: 'x'.repeat(MAX_TOKEN_LENGTH + 1) }));
    index.upsert(organization({ name: 'x'.repeat(MAX_TOKEN_LENGTH + 2) }));
    expect(statsOf(index).terms).toBe(before + 1);
  });

  it('makes only the first 1,000 tokens of a record searchable', () => {
    const words = uniqueWords(MAX_DOCUMENT_TOKENS + 500);
    const index = createSearchIndex([
      organization({ name: 'Many Words', variables: { notes: words.join(' ') } }),
    ]);
    // "Many" and "Words" are the name's two tokens.
    const lastRead = words[MAX_DOCUMENT_TOKENS - 3] as string;
    const firstUnread = words[MAX_DOCUMENT_TOKENS - 2] as string;
    expect(marks(index, lastRead, lastRead)).toBe(true);
    expect(marks(index, firstUnread, firstUnread)).toBe(false);
    expect(statsOf(index).terms).toBe(MAX_DOCUMENT_TOKENS);
    const [hit] = search(index, 'many').hits;
    expect(hit?.highlights).toEqual([
      { field: 'name', matchedTokens: ['Many'], snippet: '<mark>Many</mark> Words' },
    ]);
  });

  it('reads only the first 65,536 characters of a record', () => {
    const filler = '-'.repeat(MAX_DOCUMENT_CHARS);
    const index = createSearchIndex([
      organization({ name: 'Punctuation', variables: { a: `${filler} hidden`, b: 'shown' } }),
    ]);
    expect(search(index, 'hidden').found).toBe(0);
    expect(search(index, 'shown').found).toBe(0);
    expect(search(index, 'punctuation').found).toBe(1);
  });

  it('reads 16 distinct words of the first 4,096 characters of a query', () => {
    const words = uniqueWords(MAX_QUERY_TOKENS);
    const index = createSearchIndex([organization({ name: words.join(' ') })]);
    // A 17th word that matches nothing is not read, so nothing is dropped for it.
    const seventeen = `${words.join(' ')} zzzzzz`;
    expect(search(index, seventeen).found).toBe(1);
    expect(search(index, `${' '.repeat(MAX_QUERY_CHARS)}${words[0]}`).found).toBe(0);
  });

  it('answers for a vocabulary made to collide in the typo index', () => {
    // 5,000 terms filed under the same deletion strings (same first 7 letters).
    const colliding = uniqueWords(5_000, 'aaaaaaa');
    const index = createSearchIndex(
      colliding.map((word) => organization({ name: `${word} Holding` })),
    );
    const target = colliding[4_321] as string;
    expect(names(search(index, target))[0]).toBe(`${target} Holding`);
    const misspelt = `${target.slice(0, -1)}${target.endsWith('z') ? 'y' : 'z'}`;
    expect(search(index, misspelt).found).toBeGreaterThan(0);
  });
});

describe('memory follows the records', () => {
  const hostile = (): OrganizationDto[] => [
    organization({
      name: uniqueWords(3_000, 'h').join(' '),
      industry: 'x'.repeat(20_000),
      address: { country: uniqueWords(10, 'c').join('-') },
      size: 123_456_789,
    }),
    organization({
      name: 'Variables',
      variables: { notes: uniqueWords(2_000, 'v').join(' '), more: 'k'.repeat(15_000) },
    }),
  ];

  it('shrinks the vocabulary, typo index and facet values back after deletes', () => {
    const index = createSearchIndex(everyday());
    const before = statsOf(index);
    const added = hostile();
    for (const record of added) index.upsert(record);
    const grown = statsOf(index);
    expect(grown.terms).toBeGreaterThan(before.terms + 1_000);
    expect(grown.terms).toBeLessThanOrEqual(before.terms + 2 * MAX_DOCUMENT_TOKENS);
    expect(grown.typoEntries).toBeGreaterThan(before.typoEntries);
    expect(grown.facetValues).toBe(before.facetValues + 3);
    for (const record of added) index.remove(record.id);
    expect(statsOf(index)).toEqual(before);
    expect(search(index, 'haaaa').found).toBe(0);
    expect(names(search(index, 'bakery 7'))).toEqual(['Bakery 7 GmbH']);
  });

  it('releases what an update replaced, and keeps what the versions share', () => {
    const records = everyday();
    const index = createSearchIndex(records);
    const before = statsOf(index);
    const target = records[3] as OrganizationDto;
    for (const [round, word] of uniqueWords(300, 'r').entries()) {
      index.upsert({ ...target, name: `${word} Bakery`, industry: `Industry ${round}` });
    }
    index.upsert(target);
    expect(statsOf(index)).toEqual(before);
    expect(names(search(index, 'bakery 3 gmbh'))).toEqual(['Bakery 3 GmbH']);
    expect(search(index, 'raaaa').found).toBe(0);
  });

  it('frees a released term for a new one without mixing them up', () => {
    const index = createSearchIndex(everyday());
    const words = uniqueWords(2_000, 's');
    for (const [i, word] of words.entries()) {
      const record = organization({ name: `${word} Store` });
      index.upsert(record);
      expect(names(search(index, word)), word).toEqual([`${word} Store`]);
      if (i % 3 !== 0) index.remove(record.id);
    }
    const kept = words.filter((_, i) => i % 3 === 0);
    for (const word of kept) expect(names(search(index, word))).toEqual([`${word} Store`]);
    expect(search(index, words[1] as string).found).toBe(0);
    expect(search(index, 'store', { pageSize: 1 }).found).toBe(kept.length);
  });

  it('comes back to the same size after a restart: deleted records leave nothing, stored ones are bounded', async () => {
    const test = openTestSandbox(200);
    const indexFromDisk = (): SearchIndex => {
      const db = openDatabase(test.dataDir);
      try {
        const [stored] = createOrganizationStore(db).loadAllByChatbot().values();
        return createSearchIndex(stored ?? []);
      } finally {
        db.close();
      }
    };
    try {
      test.sandbox.close();
      const baseline = statsOf(indexFromDisk());
      // Records an older version, or another client, stored without any field limit.
      const db = openDatabase(test.dataDir);
      const store = createOrganizationStore(db);
      const added = hostile();
      for (const record of added) store.insert('demo', record, undefined);
      db.close();
      const withHostile = statsOf(indexFromDisk());
      expect(withHostile.terms).toBeLessThanOrEqual(baseline.terms + 2 * MAX_DOCUMENT_TOKENS);

      // A restart indexes them (bounded), and the API deletes them.
      const restarted = openTestSandbox(0, test.dataDir).sandbox;
      try {
        for (const record of added) {
          const path = `${ORGANIZATIONS_PATH}/${record.id}`;
          expect((await call(restarted, 'DELETE', path)).status).toBe(200);
        }
      } finally {
        restarted.close();
      }
      expect(statsOf(indexFromDisk())).toEqual(baseline);
    } finally {
      test.dispose();
    }
  });
});
