import type { OrganizationDto, SearchOrganizationResultDto } from '../../server/sandbox/types.ts';
import { rowOf, RUNS, TARGET_MS, WARM_UP_RUNS } from './measure.ts';
import { buildQueryMix } from './query-mix.ts';
import type { ReportRow } from './report-table.ts';
import type { SandboxClient } from './sandbox-client.ts';
import { Timings } from './timings.ts';

const SEARCH_ROUNDS = 3;

type SearchBody = { results: SearchOrganizationResultDto };
type ListBody = { organizations: OrganizationDto[] };
type OrganizationBody = { organization: OrganizationDto };

/**
 * Every operation through the real routes: p50/p95 after a warm-up; also gives the search
 * texts it used (the query mix of 1, 2 and 3 words).
 */
export async function measureOperations(
  client: SandboxClient,
  organizationCount: number,
): Promise<{ rows: ReportRow[]; queries: string[] }> {
  const sample = await sampleOrganizations(client, organizationCount);
  const rows: ReportRow[] = [];
  const row = (name: string, timings: Timings, targetMs?: number): void => {
    rows.push(rowOf(name, timings, targetMs));
  };
  const repeat = async (
    runs: number,
    action: (run: number, timings?: Timings) => Promise<unknown>,
  ): Promise<Timings> => {
    for (let run = 0; run < WARM_UP_RUNS; run++) await action(run);
    const timings = new Timings();
    for (let run = 0; run < runs; run++) await action(run, timings);
    return timings;
  };

  row(
    'list, first page (limit 50)',
    await repeat(RUNS, (_, t) => client.call<ListBody>('GET', '?limit=50', 200, t)),
    TARGET_MS.list,
  );
  const deepTokens = sample.map((organization) => organization.created).slice(-RUNS);
  row(
    'list, deep page by pageToken',
    await repeat(RUNS, (run, t) =>
      client.call<ListBody>(
        'GET',
        `?limit=50&pageToken=${encodeURIComponent(deepTokens[run % deepTokens.length] as string)}`,
        200,
        t,
      ),
    ),
    TARGET_MS.list,
  );

  const mix = buildQueryMix(sample);
  const searchOnce = (queries: string[]) => (run: number, t?: Timings) =>
    client.call<SearchBody>(
      'GET',
      `/search?query=${encodeURIComponent(queries[run % queries.length] as string)}&page=1&pageSize=20`,
      200,
      t,
    );
  row(
    `search, 1 word (${mix.oneWord.length} queries)`,
    await repeat(mix.oneWord.length * SEARCH_ROUNDS, searchOnce(mix.oneWord)),
    TARGET_MS.search,
  );
  row(
    `search, 2 words (${mix.twoWords.length} queries)`,
    await repeat(mix.twoWords.length * SEARCH_ROUNDS, searchOnce(mix.twoWords)),
    TARGET_MS.search,
  );
  row(
    `search, 3 words (${mix.threeWords.length} queries)`,
    await repeat(mix.threeWords.length * SEARCH_ROUNDS, searchOnce(mix.threeWords)),
    TARGET_MS.search,
  );

  row(
    'get',
    await repeat(RUNS, (run, t) =>
      client.call<OrganizationBody>('GET', `/${idAt(sample, run)}`, 200, t),
    ),
  );

  const created: string[] = [];
  const createTimings = await repeat(RUNS, async (run, t) => {
    const body = await client.call<OrganizationBody>('POST', '', 201, t, {
      name: `Benchmark Müller ${run} GmbH`,
      email: `info@bench-${run}.example`,
      website: `https://bench-${run}.example`,
      size: run + 1,
      industry: 'Software',
      address: {
        street: 'Hauptstraße',
        houseNumber: String(run),
        zipcode: '10115',
        location: 'Berlin',
        country: 'Germany',
      },
    });
    created.push(body.organization.id);
  });
  row('create', createTimings, TARGET_MS.write);
  row(
    'update',
    await repeat(RUNS, (run, t) =>
      client.call<OrganizationBody>('PATCH', `/${created[run % created.length]}`, 200, t, {
        organization: {
          name: `Benchmark Renamed ${run}`,
          size: run + 2,
          variables: { plan: 'Enterprise', run: String(run) },
        },
      }),
    ),
    TARGET_MS.write,
  );
  // Every created organization is deleted once: warm-up deletes first, the timed ones after.
  row(
    'delete',
    await repeat(created.length - WARM_UP_RUNS, (_run, t) => {
      const id = created.pop() as string;
      return client.call('DELETE', `/${id}`, 200, t);
    }),
    TARGET_MS.write,
  );

  row(
    'contacts',
    await repeat(RUNS, (run, t) => client.call('GET', `/${idAt(sample, run)}/contacts`, 200, t)),
  );
  row(
    'contacts count',
    await repeat(RUNS, (run, t) =>
      client.call('GET', `/${idAt(sample, run)}/contacts/count`, 200, t),
    ),
  );
  return { rows, queries: [...mix.oneWord, ...mix.twoWords, ...mix.threeWords] };
}

/** A spread of stored organizations, newest to oldest, read through the search route. */
async function sampleOrganizations(
  client: SandboxClient,
  organizationCount: number,
): Promise<OrganizationDto[]> {
  const pages = Math.max(1, Math.floor(organizationCount / 250));
  const sample: OrganizationDto[] = [];
  for (const page of [1, Math.ceil(pages / 4), Math.ceil(pages / 2), pages]) {
    const body = await client.call<SearchBody>(
      'GET',
      `/search?query=*&page=${page}&pageSize=250`,
      200,
    );
    sample.push(...body.results.hits.map((hit) => hit.organization));
  }
  return sample;
}

function idAt(sample: readonly OrganizationDto[], run: number): string {
  return (sample[(run * 7) % sample.length] as OrganizationDto).id;
}
