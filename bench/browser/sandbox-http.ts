// The sandbox's two figures, measured as the browser meets them: HTTP requests to the started
// console server (routing, default key, security headers, JSON), timed from sending the request
// to the parsed body.
import type { OrganizationDto, SearchOrganizationResultDto } from '../../server/sandbox/types.ts';
import { buildQueryMix, type QueryMix } from '../lib/query-mix.ts';
import { figureOf, type Figure } from './figures.ts';

// The console asks for 100 organizations per list page (LIST_PAGE_SIZE in
// src/hooks/organizations/useOrganizationList.ts) and 50 hits per search page (SEARCH_PAGE_SIZE).
const LIST_LIMIT = 100;
const SEARCH_PAGE_SIZE = 50;
const LIST_RUNS = 300;
const WARM_UP_RUNS = 30;

type SearchBody = { results: SearchOrganizationResultDto };

export interface SandboxFigures {
  figures: Figure[];
  /** Organizations read to build the queries; the browser steps reuse them. */
  sample: OrganizationDto[];
  /** Search texts of one, two and three words, as the console's users type them. */
  mix: QueryMix;
}

export async function measureSandbox(baseUrl: string, chatbotId: string): Promise<SandboxFigures> {
  const api = `${baseUrl}/v1/chatbots/${encodeURIComponent(chatbotId)}/organizations`;
  const sample = await sampleOrganizations(api);
  const mix = buildQueryMix(sample);
  const queries = [...mix.oneWord, ...mix.twoWords, ...mix.threeWords];

  const searchUrl = (query: string) =>
    `${api}/search?query=${encodeURIComponent(query)}&page=1&pageSize=${SEARCH_PAGE_SIZE}`;
  await timeRequests(queries.slice(0, WARM_UP_RUNS).map(searchUrl));
  const searchSamples = await timeRequests(queries.map(searchUrl));

  // The first page, and pages deeper in the list (pageToken: the `created` of a stored one).
  const listUrls = Array.from({ length: LIST_RUNS }, (_, run) => {
    if (run % 4 === 0) return `${api}?limit=${LIST_LIMIT}`;
    const created = (sample[(run * 7) % sample.length] as OrganizationDto).created;
    return `${api}?limit=${LIST_LIMIT}&pageToken=${encodeURIComponent(created)}`;
  });
  await timeRequests(listUrls.slice(0, WARM_UP_RUNS));
  const listSamples = await timeRequests(listUrls);

  return {
    sample,
    mix,
    figures: [
      figureOf({
        id: 'sandboxSearch',
        name: `sandbox search over HTTP (${queries.length} queries of 1–3 words, ${SEARCH_PAGE_SIZE} hits)`,
        unit: 'ms',
        samples: searchSamples,
        budget: 20,
        budgetOn: 'p95',
        note: `query mix of bench/lib/query-mix.ts built from ${sample.length} stored organizations`,
      }),
      figureOf({
        id: 'sandboxListPage',
        name: `sandbox list page over HTTP (limit ${LIST_LIMIT}, first and deep pages)`,
        unit: 'ms',
        samples: listSamples,
        budget: 5,
        budgetOn: 'p95',
      }),
    ],
  };
}

/** Requests each URL in turn (one connection, kept alive); milliseconds per request. */
async function timeRequests(urls: readonly string[]): Promise<number[]> {
  const samples: number[] = [];
  for (const url of urls) {
    const started = performance.now();
    const response = await fetch(url);
    const body: unknown = await response.json();
    samples.push(performance.now() - started);
    if (!response.ok) throw new Error(`${url}: ${response.status} ${JSON.stringify(body)}`);
  }
  return samples;
}

/** A spread of stored organizations, newest to oldest, read through the search route. */
async function sampleOrganizations(api: string): Promise<OrganizationDto[]> {
  const first = await getJson<SearchBody>(`${api}/search?query=*&page=1&pageSize=1`);
  const pages = Math.max(1, Math.ceil(first.results.outOf / 250));
  const sample: OrganizationDto[] = [];
  for (const page of new Set([1, Math.ceil(pages / 4), Math.ceil(pages / 2), pages])) {
    const body = await getJson<SearchBody>(`${api}/search?query=*&page=${page}&pageSize=250`);
    sample.push(...body.results.hits.map((hit) => hit.organization));
  }
  return sample;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
