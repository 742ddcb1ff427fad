// Where the list was scrolled, per history entry, so Back from an organization lands on the same
// rows. Kept in memory (the rows come from the query cache, which lives as long).

export interface ListScrollPosition {
  scrollTop: number;
  activeIndex: number | null;
}

const MAX_ENTRIES = 50;
const positions = new Map<string, ListScrollPosition>();

export function rememberListPosition(key: string, position: ListScrollPosition): void {
  positions.delete(key);
  positions.set(key, position);
  // Forget the oldest entries: a long session must not grow this without end.
  for (const oldest of positions.keys()) {
    if (positions.size <= MAX_ENTRIES) break;
    positions.delete(oldest);
  }
}

export function recallListPosition(key: string): ListScrollPosition | undefined {
  return positions.get(key);
}
