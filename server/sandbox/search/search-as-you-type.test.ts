import { describe, expect, it } from 'vitest';
import { generateSeed } from '../seed/generate-seed.ts';
import { DEFAULT_SEED_ORGANIZATIONS } from '../seed-defaults.ts';
import type { OrganizationDto } from '../types.ts';
import { createSearchIndex } from './index.ts';
import {
  hitNames as names,
  searchIndex as search,
  testOrganization as organization,
} from './test-organizations.ts';

function seededOrganizations(): OrganizationDto[] {
  const organizations: OrganizationDto[] = [];
  for (const record of generateSeed(DEFAULT_SEED_ORGANIZATIONS)) {
    if (record.kind === 'organization') organizations.push(record.seeded.organization);
  }
  return organizations;
}

describe('a word typed letter by letter, misspelt', () => {
  const seeded = createSearchIndex(seededOrganizations());

  it('keeps finding Northwind at every step of "nortwind" from "nor" on', () => {
    const steps = ['nor', 'nort', 'nortw', 'nortwi', 'nortwin', 'nortwind'];
    const found = steps.map((query) => search(seeded, query).found);
    expect(
      found.every((count) => count > 0),
      `found ${found.join(' → ')}`,
    ).toBe(true);
    for (const query of steps.slice(2)) {
      const [first] = search(seeded, query).hits;
      expect(first?.organization.name, query).toBe('Northwind Traders');
      const name = first?.highlights.find((highlight) => highlight.field === 'name');
      expect(name, query).toEqual({
        field: 'name',
        matchedTokens: ['Northwind'],
        snippet: '<mark>Northwind</mark> Traders',
      });
    }
  });

  it('finds Seattle for "seatl", marking the stored word', () => {
    const result = search(seeded, 'seatl');
    expect(result.found).toBeGreaterThan(0);
    expect(result.hits.length).toBeGreaterThan(0);
    for (const hit of result.hits) {
      const marked = hit.highlights.flatMap((highlight) => highlight.matchedTokens);
      expect(marked.some((token) => token.toLowerCase().startsWith('seattle'))).toBe(true);
    }
  });
});

describe('prefix and typo on one word', () => {
  it('matches a start of a word with a letter missing, swapped or wrong', () => {
    const index = createSearchIndex([
      organization({ name: 'Northwind Traders' }),
      organization({ name: 'Seattle Outlet' }),
    ]);
    for (const query of ['nortw', 'nrothw', 'nozthw', 'northwimd t']) {
      expect(names(search(index, query)), query).toEqual(['Northwind Traders']);
    }
    expect(names(search(index, 'seatl'))).toEqual(['Seattle Outlet']);
  });

  it('needs the first letter right, and allows no typo below four letters', () => {
    const index = createSearchIndex([organization({ name: 'Northwind Traders' })]);
    expect(search(index, 'bortw').found).toBe(0);
    expect(search(index, 'nxr').found).toBe(0);
  });

  it('allows two typos in a start of a word from eight letters', () => {
    const index = createSearchIndex([organization({ name: 'Kristiansandbuss' })]);
    // "kristansnd" is "kristiansand" with two letters left out.
    expect(names(search(index, 'kristansnd'))).toEqual(['Kristiansandbuss']);
    expect(search(index, 'kristnsnd').found).toBe(0);
  });

  it('is tried only when nothing starts with the word as typed', () => {
    const index = createSearchIndex([
      organization({ name: 'Norrsken' }),
      organization({ name: 'Northern Lights' }),
    ]);
    // "nort" is typed right: it does not also stand for every word starting with "nor".
    expect(names(search(index, 'nort'))).toEqual(['Northern Lights']);
    // The letter just typed is wrong: the results stay those of the word without it.
    expect(names(search(index, 'nortg'))).toEqual(['Northern Lights']);
  });
});

describe('ranking', () => {
  it('puts exact, prefix, then typo, whatever their age', () => {
    // Created oldest first: the order expected is the reverse of their age.
    const index = createSearchIndex([
      organization({ name: 'Norte Cargo' }),
      organization({ name: 'Nortel Cargo' }),
      organization({ name: 'Norta Cargo' }),
      organization({ name: 'Northeast Cargo' }),
    ]);
    // A word that matches as typed stands for no misspelt start of a word (NORTHE-ast).
    expect(names(search(index, 'norte'))).toEqual(['Norte Cargo', 'Nortel Cargo', 'Norta Cargo']);
  });

  it('puts a typo, then a start of a word misspelt keeping the last letter, then one not', () => {
    const index = createSearchIndex([
      organization({ name: 'Norte Cargo' }),
      organization({ name: 'Northwind Traders' }),
      organization({ name: 'Northern Lights' }),
    ]);
    // NORTE is one letter off; NORTHW-ind keeps the "w" just typed; NORTH-ern replaces it.
    expect(names(search(index, 'nortw'))).toEqual([
      'Norte Cargo',
      'Northwind Traders',
      'Northern Lights',
    ]);
  });

  it('ranks name > email > website > industry > address > variables for each kind of match', () => {
    const fields: Partial<OrganizationDto>[] = [
      { variables: { note: 'Quokka' } },
      { address: { location: 'Quokka' } },
      { industry: 'Quokka farming' },
      { website: 'https://quokka.example' },
      { email: 'info@quokka.example' },
      { name: 'Quokka' },
    ];
    // Newest first would give the reverse order: only the field ranks.
    const index = createSearchIndex(
      fields.map((field, i) => organization({ name: `Firm ${i}`, ...field })),
    );
    const expected = ['Quokka', 'Firm 4', 'Firm 3', 'Firm 2', 'Firm 1', 'Firm 0'];
    // Exact, prefix, typo, and prefix with a typo ("qukk" → QUOKK-a).
    for (const query of ['quokka', 'quok', 'qukka', 'qukk']) {
      expect(names(search(index, query)), query).toEqual(expected);
    }
  });

  it('ranks how a word matched before where it matched', () => {
    const index = createSearchIndex([
      organization({ name: 'Deltaform' }),
      organization({ name: 'Sigma', variables: { note: 'delta' } }),
    ]);
    expect(names(search(index, 'delta'))).toEqual(['Sigma', 'Deltaform']);
  });
});

describe('dropped words', () => {
  it('marks only tokens of the words kept, so a client sees which words matched', () => {
    const index = createSearchIndex([
      organization({ name: 'Northwind Traders', address: { location: 'Seattle' } }),
      organization({ name: 'Northern Lights' }),
    ]);
    const result = search(index, 'nortwi seattle qqqqqqq');
    expect(names(result)).toEqual(['Northwind Traders']);
    const marked = result.hits[0]?.highlights.map((highlight) => highlight.matchedTokens);
    expect(marked).toEqual([['Northwind'], ['Seattle']]);
  });

  it('lists matched tokens beyond the snippet window of a long text', () => {
    const words = Array.from({ length: 100 }, (_, i) => `word${i}`);
    words[10] = 'Needle';
    words[90] = 'needles';
    const index = createSearchIndex([
      organization({ name: 'Long', variables: { notes: words.join(' ') } }),
    ]);
    const [highlight] = search(index, 'needle').hits[0]?.highlights ?? [];
    expect(highlight?.matchedTokens).toEqual(['Needle', 'needles']);
    expect(highlight?.snippet).not.toContain('needles');
  });
});
