import { describe, expect, it } from 'vitest';
import { droppedWords } from './searchDroppedWords.ts';
import type { SearchHitData } from './searchTypes.ts';

function hit(...matched: string[][]): SearchHitData {
  return {
    organization: {
      id: matched.flat().join('-'),
      name: 'x',
      created: '2024-01-01T00:00:00Z',
      updated: '2024-01-01T00:00:00Z',
      variables: {},
    },
    highlights: matched.map((tokens) => ({ field: 'name', matchedTokens: tokens, snippet: '' })),
    textMatch: '1',
  };
}

describe('droppedWords', () => {
  it('names the words no hit matched, in the order typed', () => {
    expect(droppedWords('nort wind', [hit(['Northern']), hit(['North'])])).toEqual({
      kept: ['nort'],
      dropped: ['wind'],
    });
    expect(droppedWords('+1 206 555 0100', [hit(['1']), hit(['1', 'Ltd'])])).toEqual({
      kept: ['+1'],
      dropped: ['206', '555', '0100'],
    });
  });

  it('counts a prefix, a typo and a prefix with a typo as matched, and any hit of the page', () => {
    expect(droppedWords('nortw traders', [hit(['Northwind', 'Traders'])])).toBeNull();
    expect(droppedWords('seatl northwind', [hit(['Seattle']), hit(['Northwind'])])).toBeNull();
    expect(droppedWords('Müller GmbH', [hit(['muller', 'gmbh'])])).toBeNull();
    expect(droppedWords('mueller.de info', [hit(['mueller', 'de'], ['info'])])).toBeNull();
  });

  it('reads Han and kana a character at a time, as the search engine matches them', () => {
    expect(droppedWords('富士 Sports', [hit(['富', '士', 'Sports'])])).toBeNull();
    expect(droppedWords('富士 Sports', [hit(['Sports'])])).toEqual({
      kept: ['Sports'],
      dropped: ['富士'],
    });
    expect(droppedWords('カタカナ ltd', [hit(['カ', 'タ']), hit(['Ltd'])])).toBeNull();
  });

  it('says nothing for one word, no hits, or hits that name none of the words', () => {
    expect(droppedWords('wind', [hit(['North'])])).toBeNull();
    expect(droppedWords('nort wind', [])).toBeNull();
    expect(droppedWords('nort wind', [hit(['Acme'])])).toBeNull();
  });
});
