// The rows of the CSV exports of a search ("all N matching", paged through the API's search as
// the list's search pages it) and of a selection (each id read through the console's own /v1
// steps, a few at a time, in the order given; an id that no longer exists is left out). Like
// exports.ts, each yields a page of rows at a time, so an export of any size streams with one
// page in memory.
import type { ApiHandler } from '../api-key.ts';
import type { OrganizationDto } from '../sandbox/types.ts';
import { ApiReadError, call, SEARCH } from './api-reader.ts';
import type { ConsoleWriter } from './bulk/console-writer.ts';
import { organizationRow } from './exports.ts';

const SEARCH_PAGE = 250;
/** Records of a selection read at once: the API is asked a few at a time, not ten thousand. */
const SELECTION_BATCH = 25;

export interface SearchPage {
  organizations: OrganizationDto[];
  /** How many the search says it found (the export's expected row count). */
  found: number;
}

export async function searchPage(
  api: ApiHandler,
  chatbotId: string,
  query: string,
  page: number,
  signal?: AbortSignal,
): Promise<SearchPage> {
  const body = await call(
    api,
    SEARCH,
    chatbotId,
    new Map([
      ['query', query],
      ['page', String(page)],
      ['pageSize', String(SEARCH_PAGE)],
    ]),
    signal,
  );
  const results = body.results as { hits?: unknown; found?: unknown } | undefined;
  const hits = Array.isArray(results?.hits)
    ? (results.hits as { organization?: OrganizationDto }[])
    : [];
  return {
    organizations: hits
      .map((hit) => hit.organization)
      .filter((o): o is OrganizationDto => typeof o?.id === 'string'),
    found: typeof results?.found === 'number' ? results.found : 0,
  };
}

/**
 * Every organization the search finds, each once, as rows; `first` is its first page when the
 * caller already asked for it (to know the count before answering).
 */
export async function* searchRows(
  api: ApiHandler,
  chatbotId: string,
  query: string,
  first?: SearchPage,
  signal?: AbortSignal,
): AsyncGenerator<unknown[][]> {
  const seen = new Set<string>();
  for (let page = 1; ; page += 1) {
    const answer =
      page === 1 && first !== undefined
        ? first
        : await searchPage(api, chatbotId, query, page, signal);
    const fresh = answer.organizations.filter((o) => !seen.has(o.id));
    for (const o of fresh) seen.add(o.id);
    if (fresh.length > 0) yield fresh.map(organizationRow);
    if (answer.organizations.length < SEARCH_PAGE || seen.size >= answer.found) return;
  }
}

/** The selected organizations as rows, in the order selected; ids no longer there left out. */
export async function* selectionRows(
  reader: ConsoleWriter,
  chatbotId: string,
  ids: readonly string[],
  signal?: AbortSignal,
): AsyncGenerator<unknown[][]> {
  for (let start = 0; start < ids.length; start += SELECTION_BATCH) {
    const answers = await Promise.all(
      ids.slice(start, start + SELECTION_BATCH).map((id) => reader.get(chatbotId, id, signal)),
    );
    const rows: unknown[][] = [];
    for (const answer of answers) {
      const organization = answer.body.organization as OrganizationDto | undefined;
      if (answer.status === 200 && organization !== undefined) {
        rows.push(organizationRow(organization));
      } else if (answer.status !== 404) {
        // Cut short rather than a file that silently lacks records: the download fails visibly.
        throw new ApiReadError(`The API answered ${answer.status}.`, answer.status);
      }
    }
    if (rows.length > 0) yield rows;
  }
}
