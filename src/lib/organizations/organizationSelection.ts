// The organizations a person has picked on the organizations page, for a bulk action or an
// export: ids (checked one by one, by range, or all loaded ones), or "all N matching" a search,
// which the server resolves when the action runs. One per chatbot: kept in sessionStorage under
// the chatbot's id, so it survives a reload of the tab, never the move to another chatbot, and
// closes with the tab. Rows subscribe to it (useSyncExternalStore) and re-render alone when their
// own box changes.

export interface SelectionSnapshot {
  readonly ids: ReadonlySet<string>;
  /** Every organization the search finds ("all N matching"), instead of ids. */
  readonly search: { readonly query: string; readonly found: number } | null;
}

export interface OrganizationSelection {
  subscribe(listener: () => void): () => void;
  snapshot(): SelectionSnapshot;
  has(id: string): boolean;
  /** Checks (or unchecks) these ids; a search chosen before is left for them. */
  set(ids: readonly string[], selected: boolean): void;
  /** The id a Shift+click range starts from: the last one checked or unchecked. */
  anchor(): string | null;
  selectSearch(query: string, found: number): void;
  clear(): void;
}

const EMPTY: SelectionSnapshot = { ids: new Set(), search: null };

function read(storage: Storage | null, key: string): SelectionSnapshot {
  try {
    // Written by this module only (a hand-edited value that does not parse starts empty).
    const saved = JSON.parse(storage?.getItem(key) ?? 'null') as {
      ids: string[];
      search: SelectionSnapshot['search'];
    } | null;
    return saved === null ? EMPTY : { ids: new Set(saved.ids), search: saved.search };
  } catch {
    return EMPTY;
  }
}

export function createOrganizationSelection(
  chatbotId: string,
  storage: Storage | null = typeof sessionStorage === 'undefined' ? null : sessionStorage,
): OrganizationSelection {
  const key = `organizations-selection:${chatbotId}`;
  let current = read(storage, key);
  let lastPicked: string | null = null;
  let saving = false;
  const listeners = new Set<() => void>();

  const commit = (next: SelectionSnapshot) => {
    current = next;
    for (const listener of listeners) listener();
    // Written once per burst of changes (a range of thousands is one write).
    if (saving) return;
    saving = true;
    setTimeout(() => {
      saving = false;
      try {
        if (current.ids.size === 0 && current.search === null) storage?.removeItem(key);
        else
          storage?.setItem(key, JSON.stringify({ ids: [...current.ids], search: current.search }));
      } catch {
        // Storage full or refused: the selection still holds for this page.
      }
    }, 0);
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => current,
    has: (id) => current.ids.has(id),
    set(ids, selected) {
      const next = new Set(current.ids);
      // No cap here: the server says when a selection is over what one job takes.
      for (const id of ids) {
        if (selected) next.add(id);
        else next.delete(id);
      }
      lastPicked = ids[ids.length - 1] ?? lastPicked;
      commit({ ids: next, search: null });
    },
    anchor: () => lastPicked,
    selectSearch(query, found) {
      lastPicked = null;
      commit({ ids: new Set(), search: { query, found } });
    },
    clear() {
      lastPicked = null;
      commit(EMPTY);
    },
  };
}

/** How many organizations the selection stands for. */
export function selectedCount(snapshot: SelectionSnapshot): number {
  return snapshot.search?.found ?? snapshot.ids.size;
}

/** The ids from one to the other (either order), both included; null when either is not there. */
export function idsBetween(
  ids: readonly string[],
  from: string,
  to: string,
): readonly string[] | null {
  const a = ids.indexOf(from);
  const b = ids.indexOf(to);
  if (a < 0 || b < 0) return null;
  return a <= b ? ids.slice(a, b + 1) : ids.slice(b, a + 1);
}
