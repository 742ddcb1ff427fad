// Tie-safe paging of the organizations list (docs/API-NOTES.md: `pageToken` returns organizations
// created strictly BEFORE it, newest first; many organizations can share one `created`).
//
// The list never sends the last `created` as it is (that would skip the rest of its tie group).
// It asks for everything created AT OR BEFORE the last instant it holds (`pageToken` = that
// instant + 1 ms) and drops the ids of that instant it already shows. When a whole answer is one
// instant, the page is widened (up to the API's 250) until the answer reaches past it; if 250
// organizations share one instant, the API cannot list the rest of that run: the page says so
// (a `truncatedRun` notice) and the list goes on strictly before that instant.
import type { Organization } from '../../api/types.ts';

/** The API's largest `limit`. */
export const MAX_LIST_LIMIT = 250;

/** Where a page starts. */
export type ListCursor =
  /** The newest organizations (no `pageToken`). */
  | { kind: 'newest' }
  /** Created at or before `ms`, leaving out `heldIds` (the ones of that instant already shown). */
  | { kind: 'atOrBefore'; ms: number; heldIds: readonly string[] }
  /** Created strictly before `ms` (after a run the API cannot list completely). */
  | { kind: 'before'; ms: number };

/** The page param of the infinite list query. */
export interface ListPageParam {
  cursor: ListCursor;
  /** Position of the page's first row in the whole list (0 for the newest page). */
  startIndex: number;
  /** Notice rows (not organizations) above the page, so counts stay exact after pages drop. */
  noticesBefore: number;
  /** The param of the page before this one (so a dropped page can be fetched again), or null. */
  previous: ListPageParam | null;
  /**
   * Set when the page is fetched again BEFORE a page still held (scrolling back up): the page
   * must reach down to exactly where that page starts, and ends at its startIndex.
   */
  until?: { cursor: ListCursor; startIndex: number; noticesBefore: number };
}

/** A run of one instant the API cannot page through: only its first `listed` are shown. */
export interface TruncatedRun {
  createdMs: number;
  listed: number;
}

export type ListRow =
  | { kind: 'organization'; organization: Organization }
  | { kind: 'truncated-run'; run: TruncatedRun }
  | { kind: 'gap' }
  | { kind: 'server-message'; message: string };

export interface ListPage {
  /** The param this page was fetched with. */
  param: ListPageParam;
  /** Position of `rows[0]` in the whole list. */
  startIndex: number;
  noticesBefore: number;
  rows: ListRow[];
  /** Where the next page starts; null: this page ended the list. */
  next: ListCursor | null;
}

export interface ListRequest {
  pageToken?: string;
  limit: number;
}

export interface ListAnswer {
  organizations: Organization[];
  /** A 200 response's `error` text (docs/API-NOTES.md: show it). */
  error?: string;
}

export type ListFetcher = (request: ListRequest, signal?: AbortSignal) => Promise<ListAnswer>;

export const FIRST_LIST_PAGE: ListPageParam = {
  cursor: { kind: 'newest' },
  startIndex: 0,
  noticesBefore: 0,
  previous: null,
};

export function createdMs(organization: Organization): number {
  return Date.parse(organization.created);
}

/** The `pageToken` and first `limit` of a cursor's request. */
export function listRequestFor(cursor: ListCursor, pageSize: number): ListRequest {
  switch (cursor.kind) {
    case 'newest':
      return { limit: pageSize };
    case 'atOrBefore':
      // Held ids come back first (they are the newest of the answer): ask for that many more.
      return {
        pageToken: new Date(cursor.ms + 1).toISOString(),
        limit: Math.min(MAX_LIST_LIMIT, pageSize + cursor.heldIds.length),
      };
    case 'before':
      return { pageToken: new Date(cursor.ms).toISOString(), limit: pageSize };
  }
}

/** The cursor after a page whose last organization is `last`, given the ids shown so far. */
function cursorAfter(last: Organization, shownIds: readonly string[]): ListCursor {
  return { kind: 'atOrBefore', ms: createdMs(last), heldIds: shownIds };
}

/** Ids among `organizations` created at `ms`. */
function idsAt(organizations: readonly Organization[], ms: number): string[] {
  return organizations.filter((o) => createdMs(o) === ms).map((o) => o.id);
}

/** Whether an answer of `limit` (or more) organizations all share the cursor's instant. */
function isOneFullInstant(cursor: ListCursor, answer: Organization[], limit: number): boolean {
  return (
    cursor.kind === 'atOrBefore' &&
    answer.length >= limit &&
    answer.every((o) => createdMs(o) === cursor.ms)
  );
}

/**
 * Whether `answer` (complete or not) reaches down to where the page at `until` begins: it ends
 * the list, goes below that instant, or holds every id of that instant the next page leaves out.
 */
function reaches(answer: Organization[], limit: number, until: ListCursor): boolean {
  if (answer.length < limit || until.kind === 'newest') return true;
  const below = answer.some((o) => createdMs(o) < until.ms);
  if (below || until.kind === 'before') return below;
  const ids = new Set(answer.map((o) => o.id));
  return until.heldIds.every((id) => ids.has(id));
}

/** Keeps what belongs above the page at `until` (everything the next page leaves out). */
function above(answer: Organization[], until: ListCursor): Organization[] {
  if (until.kind === 'newest') return [];
  if (until.kind === 'before') return answer.filter((o) => createdMs(o) >= until.ms);
  const held = new Set(until.heldIds);
  return answer.filter((o) => {
    const ms = createdMs(o);
    return ms > until.ms || (ms === until.ms && held.has(o.id));
  });
}

/**
 * The notice for what an answer of 250 could not reach above a held page: the rest of a run of
 * one instant (the API cannot page inside it), or organizations added since the page was loaded.
 */
function missingAbove(
  answer: Organization[],
  limit: number,
  until: ListCursor,
  held: ReadonlySet<string>,
): ListRow[] {
  if (reaches(answer, limit, until)) return [];
  if (until.kind !== 'newest' && answer.every((o) => createdMs(o) === until.ms)) {
    const listed = new Set([...held, ...answer.map((o) => o.id)]).size;
    return [{ kind: 'truncated-run', run: { createdMs: until.ms, listed } }];
  }
  return [{ kind: 'gap' }];
}

export function noticeCount(rows: readonly ListRow[]): number {
  return rows.reduce((count, row) => (row.kind === 'organization' ? count : count + 1), 0);
}

function organizationRows(organizations: readonly Organization[]): ListRow[] {
  return organizations.map((organization) => ({ kind: 'organization', organization }));
}

function withServerMessage(rows: ListRow[], error: string | undefined): ListRow[] {
  return error ? [{ kind: 'server-message', message: error }, ...rows] : rows;
}

/**
 * Fetches one page of the list: one request, or a few when a tie run fills a whole answer
 * (each widening the limit) or when a page above a held one must reach down to it.
 */
export async function fetchListPage(
  fetcher: ListFetcher,
  param: ListPageParam,
  pageSize: number,
  signal?: AbortSignal,
): Promise<ListPage> {
  const { cursor, until } = param;
  const held = new Set(cursor.kind === 'atOrBefore' ? cursor.heldIds : []);
  let request = listRequestFor(cursor, pageSize);
  for (;;) {
    const answer = await fetcher(request, signal);
    const organizations = answer.organizations;
    const limit = request.limit;
    const atMax = limit >= MAX_LIST_LIMIT;

    if (until) {
      if (!reaches(organizations, limit, until.cursor) && !atMax) {
        request = { ...request, limit: Math.min(MAX_LIST_LIMIT, limit * 2) };
        continue;
      }
      const kept = above(organizations, until.cursor).filter((o) => !held.has(o.id));
      const rows = withServerMessage(
        [...organizationRows(kept), ...missingAbove(organizations, limit, until.cursor, held)],
        answer.error,
      );
      return {
        param,
        startIndex: until.startIndex - rows.length,
        noticesBefore: until.noticesBefore - noticeCount(rows),
        rows,
        next: until.cursor,
      };
    }

    if (isOneFullInstant(cursor, organizations, limit) && !atMax) {
      request = { ...request, limit: Math.min(MAX_LIST_LIMIT, limit * 2) };
      continue;
    }

    const fresh = organizations.filter((o) => !held.has(o.id));
    let rows = organizationRows(fresh);
    let next: ListCursor | null = null;
    if (cursor.kind === 'atOrBefore' && isOneFullInstant(cursor, organizations, limit)) {
      // 250 of one instant: the API cannot show what lies behind them in that run.
      const listed = new Set([...held, ...organizations.map((o) => o.id)]).size;
      rows = [...rows, { kind: 'truncated-run', run: { createdMs: cursor.ms, listed } }];
      next = { kind: 'before', ms: cursor.ms };
    } else if (organizations.length >= limit) {
      // The answer went below the held instant (else it would be one full instant), so the
      // ids of its last instant are all in it.
      const last = organizations[organizations.length - 1]!;
      next = cursorAfter(last, idsAt(organizations, createdMs(last)));
    }
    return {
      param,
      startIndex: param.startIndex,
      noticesBefore: param.noticesBefore,
      rows: withServerMessage(rows, answer.error),
      next,
    };
  }
}

/** The param of the page after `page`, or undefined at the end of the list. */
export function nextListPageParam(page: ListPage): ListPageParam | undefined {
  if (page.next === null) return undefined;
  const { until: _until, ...fetchedWith } = page.param;
  return {
    cursor: page.next,
    startIndex: page.startIndex + page.rows.length,
    noticesBefore: page.noticesBefore + noticeCount(page.rows),
    previous: fetchedWith,
  };
}

/** The param that fetches again the page before `page` (dropped to bound memory), or undefined. */
export function previousListPageParam(page: ListPage): ListPageParam | undefined {
  const previous = page.param.previous;
  if (previous === null) return undefined;
  return {
    ...previous,
    until: {
      cursor: page.param.cursor,
      startIndex: page.startIndex,
      noticesBefore: page.noticesBefore,
    },
  };
}

/** What the screen needs of the pages held: positions, counts and whether the end is known. */
export interface ListWindow {
  /** Position of the first row of the list (below 0 when rows were added above it). */
  firstIndex: number;
  /** Position of `rows[0]`: rows from `firstIndex` up to here were dropped (to bound memory). */
  heldStart: number;
  rows: ListRow[];
  /** Position after the last row loaded. */
  endIndex: number;
  /** Organizations loaded from the top to `endIndex` (notices not counted). */
  loadedCount: number;
}

export function listWindow(pages: readonly ListPage[]): ListWindow {
  const first = pages[0];
  const last = pages[pages.length - 1];
  if (!first || !last) {
    return { firstIndex: 0, heldStart: 0, rows: [], endIndex: 0, loadedCount: 0 };
  }
  const firstIndex = Math.min(0, first.startIndex);
  const endIndex = last.startIndex + last.rows.length;
  // Notices are counted from position 0; a page fetched again above it counts from there.
  const noticesAtFirst = first.startIndex < 0 ? first.noticesBefore : 0;
  const notices = last.noticesBefore + noticeCount(last.rows) - noticesAtFirst;
  return {
    firstIndex,
    heldStart: first.startIndex,
    rows: pages.flatMap((page) => page.rows),
    endIndex,
    loadedCount: endIndex - firstIndex - notices,
  };
}
