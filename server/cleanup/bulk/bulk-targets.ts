// The organizations a bulk action runs on, as ids resolved on the server when the job is made or
// previewed: a selection as given, "all matching" a search (paged through the API's search, as
// the list's search pages), or a check's findings (the last scan's, distinct records).
import type { ApiHandler } from '../../api-key.ts';
import type { FindingStore } from '../../store/index.ts';
import { call, SEARCH } from '../api-reader.ts';
import { isCheckName } from '../checks/catalogue.ts';
import type { BulkTarget } from './bulk-params.ts';

/** The most organizations one bulk job takes (the figure is 100,000 per chatbot). */
export const MAX_BULK_RECORDS = 100_000;
const SEARCH_PAGE = 250;
const FINDINGS_PAGE = 1_000;
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const ID = /^[^\u0000-\u001f\u007f]{1,200}$/;

/** The target of a request body, or the sentence saying what is wrong with it. */
export function parseTarget(value: unknown): BulkTarget | string {
  if (typeof value !== 'object' || value === null) {
    return 'target must be an object: a selection, a search or a check.';
  }
  const target = value as Record<string, unknown>;
  if (target.kind === 'selection') {
    const ids = target.ids;
    if (!Array.isArray(ids) || ids.length === 0) return 'Select at least one organization.';
    if (ids.length > MAX_BULK_RECORDS) {
      return `A selection holds at most ${MAX_BULK_RECORDS.toLocaleString('en')} organizations.`;
    }
    if (!ids.every((id): id is string => typeof id === 'string' && ID.test(id))) {
      return 'Every selected id must be an organization id (1–200 characters).';
    }
    return { kind: 'selection', ids: [...new Set(ids)] };
  }
  if (target.kind === 'search') {
    const query = typeof target.query === 'string' ? target.query.trim() : '';
    if (query === '' || query.length > 500) return 'Give the search (1–500 characters).';
    return { kind: 'search', query };
  }
  if (target.kind === 'check') {
    const check = typeof target.check === 'string' ? target.check : '';
    if (!isCheckName(check)) return 'Unknown check.';
    return { kind: 'check', check };
  }
  return 'target.kind must be selection, search or check.';
}

export class TooManyRecords extends Error {}

/** Every id of the target, in order, each once; over MAX_BULK_RECORDS throws TooManyRecords. */
export async function resolveTarget(
  target: BulkTarget,
  api: ApiHandler,
  findings: FindingStore,
  chatbotId: string,
  signal?: AbortSignal,
): Promise<string[]> {
  if (target.kind === 'selection') return target.ids;
  const ids = new Set<string>();
  const add = (id: string) => {
    ids.add(id);
    if (ids.size > MAX_BULK_RECORDS) {
      throw new TooManyRecords(
        `More than ${MAX_BULK_RECORDS.toLocaleString('en')} organizations match: narrow it down first.`,
      );
    }
  };
  if (target.kind === 'check') {
    let cursor: string | undefined;
    do {
      const page = await findings.list(chatbotId, target.check, {
        limit: FINDINGS_PAGE,
        ...(cursor === undefined ? {} : { cursor }),
      });
      for (const finding of page.findings) add(finding.recordId);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return [...ids];
  }
  for (let page = 1; ; page += 1) {
    const query = new Map([
      ['query', target.query],
      ['page', String(page)],
      ['pageSize', String(SEARCH_PAGE)],
    ]);
    const body = await call(api, SEARCH, chatbotId, query, signal);
    const results = body.results as { hits?: unknown; found?: unknown } | undefined;
    const hits = Array.isArray(results?.hits)
      ? (results.hits as { organization?: { id?: unknown } }[])
      : [];
    for (const hit of hits) {
      if (typeof hit.organization?.id === 'string') add(hit.organization.id);
    }
    const found = typeof results?.found === 'number' ? results.found : 0;
    if (hits.length < SEARCH_PAGE || ids.size >= found) return [...ids];
  }
}
