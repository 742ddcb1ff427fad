import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import hostileStrings from '../../../fixtures/hostile-strings.json';
import { FULL_ACCESS_KEY } from '../api-keys.ts';
import { createSearchIndex } from '../search/index.ts';
import type { SearchParams } from '../search/types.ts';
import {
  call,
  openTestSandbox,
  ORGANIZATIONS_PATH,
  type TestSandbox,
} from '../test-support/sandbox-client.ts';
import type { OrganizationDto } from '../types.ts';
import { exceedsCharacters, FIELD_LIMITS } from '../validation/field-limits.ts';
import { searchResponseParts } from './response-parts.ts';
import { SLICE_MAX_CHARS, slicedBody } from './sliced-body.ts';

// Large pages are sent a slice at a time (sliced-body.ts); a client must get the very text it
// got when they were sent whole: JSON.stringify of the page, hostile strings and all.

const MARK = 'slicemarkq';
const nonEmpty = hostileStrings.filter((text) => text !== '');
const fits = (text: string, limit: number) => !exceedsCharacters(text, limit);

/** Text of about `length` characters: distinct words, then the mark (so one search hits all). */
function longText(seed: number, length: number): string {
  const words: string[] = [];
  let size = MARK.length;
  for (let i = 0; size < length - 12; i++) {
    const word = `w${seed}x${i}${'abcdefg'[i % 7]}`;
    words.push(word);
    size += word.length + 1;
  }
  words.push(MARK);
  return words.join(' ');
}

/** Create bodies: each hostile string in every field it fits, then large records. */
function createBodies(): Record<string, unknown>[] {
  const bodies: Record<string, unknown>[] = nonEmpty.map((text) => ({
    name: `${text} ${MARK}`.slice(-FIELD_LIMITS.name),
    ...(fits(text, FIELD_LIMITS.email) ? { email: text } : {}),
    ...(fits(text, FIELD_LIMITS.website) ? { website: text } : {}),
    industry: text,
    address: { street: text, houseNumber: text, zipcode: text, location: text, country: text },
  }));
  for (let i = 0; bodies.length < 80; i++) {
    const text = longText(i, FIELD_LIMITS.name);
    const address = {
      street: text,
      houseNumber: text,
      zipcode: text,
      location: text,
      country: text,
    };
    bodies.push({ name: text, industry: text, address });
  }
  return bodies;
}

async function bodyText(body: string | ReadableStream<Uint8Array>): Promise<string> {
  return typeof body === 'string' ? body : new Response(body).text();
}

/** The `searchTimeMs` of a result text set to 0: it is the one figure that differs per run. */
const withoutTiming = (text: string) =>
  text.replace(/"searchTimeMs":[0-9.e+-]+}}$/, '"searchTimeMs":0}}');

describe('slicedBody', () => {
  it('gives a small body as one string and a large one as a stream of the same text', async () => {
    const small = ['{"a":', '"x"', '}'];
    expect(slicedBody({ parts: small.values() })).toBe('{"a":"x"}');

    const piece = '"y",'.repeat(1000);
    const large = Array.from(
      { length: Math.ceil((3 * SLICE_MAX_CHARS) / piece.length) },
      () => piece,
    );
    let pauses = 0;
    const body = slicedBody({ parts: large.values(), beforePause: () => pauses++ });
    expect(body).toBeInstanceOf(ReadableStream);
    expect(await bodyText(body)).toBe(large.join(''));
    expect(pauses).toBeGreaterThanOrEqual(2);
  });
});

describe('a search page sent in slices', () => {
  const organizations: OrganizationDto[] = createBodies().map((body, i) => ({
    ...(body as Omit<OrganizationDto, 'id' | 'created' | 'updated' | 'variables'>),
    id: `org-${String(i).padStart(3, '0')}`,
    created: new Date(Date.UTC(2024, 0, 1, 0, 0, i % 7)).toISOString(),
    updated: new Date(Date.UTC(2024, 0, 2)).toISOString(),
    variables: {
      [nonEmpty[i % nonEmpty.length] as string]: nonEmpty[(i + 1) % nonEmpty.length] as string,
    },
  }));
  const params = (query: string): SearchParams => ({
    query,
    page: 1,
    pageSize: 250,
    hiddenHits: [],
  });

  it.each([MARK, 'slicemrkq', '*', 'w3x1b w3x5f'])(
    'is JSON.stringify of the whole result for %s',
    async (query) => {
      const index = createSearchIndex(organizations);
      const whole = withoutTiming(JSON.stringify({ results: index.search(params(query)) }));
      const page = index.searchPage(params(query));
      const body = slicedBody({ parts: searchResponseParts(page), beforePause: page.detach });
      expect(withoutTiming(await bodyText(body))).toBe(whole);
    },
  );

  it('is the page as it was asked for when the index changes between slices', async () => {
    const index = createSearchIndex(organizations);
    const whole = withoutTiming(JSON.stringify({ results: index.search(params(MARK)) }));
    const page = index.searchPage(params(MARK));
    const body = slicedBody({ parts: searchResponseParts(page), beforePause: page.detach });
    expect(body).toBeInstanceOf(ReadableStream);
    const reader = (body as ReadableStream<Uint8Array>).getReader();
    const chunks: Uint8Array[] = [];
    const first = await reader.read();
    chunks.push(first.value as Uint8Array);
    // Every record goes, and new ones take their terms' ids with other words (and the mark).
    for (const organization of organizations) index.remove(organization.id);
    for (let i = 0; i < 40; i++) {
      index.upsert({
        ...(organizations[i] as OrganizationDto),
        id: `new-${i}`,
        name: longText(1000 + i, 3000),
      });
    }
    for (let next = await reader.read(); !next.done; next = await reader.read())
      chunks.push(next.value);
    // Compared as a boolean: a failure would print two texts of megabytes.
    expect(withoutTiming(Buffer.concat(chunks).toString('utf8')) === whole).toBe(true);
  });
});

describe('a list page sent in slices', () => {
  let test: TestSandbox;
  let created: OrganizationDto[];
  beforeAll(async () => {
    test = openTestSandbox(0);
    created = [];
    for (const body of createBodies()) {
      const answer = await call(test.sandbox, 'POST', ORGANIZATIONS_PATH, { body });
      expect(answer.status).toBe(201);
      created.push(answer.body.organization as OrganizationDto);
    }
    // The list's order: newest first, ties by id descending.
    created.sort((a, b) => b.created.localeCompare(a.created) || (a.id < b.id ? 1 : -1));
  });
  afterAll(() => test.dispose());

  const get = (query: string) =>
    test.sandbox.fetch(
      new Request(`http://sandbox${ORGANIZATIONS_PATH}?${query}`, {
        headers: { 'x-chatcaptain-key': FULL_ACCESS_KEY },
      }),
    );

  it('is JSON.stringify of the page, whole and from a cursor', async () => {
    const text = await (await get('limit=250')).text();
    expect(text.length).toBeGreaterThan(SLICE_MAX_CHARS);
    expect(text === JSON.stringify({ organizations: created })).toBe(true);

    const cursor = created[30] as OrganizationDto;
    const before = created.filter((organization) => organization.created < cursor.created);
    const token = encodeURIComponent(cursor.created);
    expect(await (await get(`limit=40&pageToken=${token}`)).text()).toBe(
      JSON.stringify({ organizations: before.slice(0, 40) }),
    );
  });

  it('stays a full page, in order, when a record goes between slices', async () => {
    const response = await get('limit=60');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const chunks: Uint8Array[] = [];
    const first = await reader.read();
    chunks.push(first.value as Uint8Array);
    // The first slice is sent; the next is made after a turn of the event loop, this delete first.
    const gone = created[55] as OrganizationDto;
    const deleted = await call(test.sandbox, 'DELETE', `${ORGANIZATIONS_PATH}/${gone.id}`);
    expect(deleted.status).toBe(200);
    for (let next = await reader.read(); !next.done; next = await reader.read())
      chunks.push(next.value);
    const page = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      organizations: OrganizationDto[];
    };
    const expected = created.filter((organization) => organization.id !== gone.id).slice(0, 60);
    expect(page.organizations.map((organization) => organization.id)).toEqual(
      expected.map((organization) => organization.id),
    );
  });
});
