// Reused rows: the distance is computed for every typo candidate of every query token.
let previous = new Int32Array(64);
let current = new Int32Array(64);
let beforePrevious = new Int32Array(64);

/**
 * The optimal string alignment distance (Levenshtein plus transposition of two neighbouring
 * characters, Damerau's common typo) between `a` and `b`, or `max + 1` as soon as it is
 * certain to exceed `max`. Only the cells within `max` of the diagonal are computed (any other
 * is more than `max` away), so a pair costs about `a.length × (2 max + 1)` steps.
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const beyond = max + 1;
  const columns = b.length + 1;
  if (columns + 1 > previous.length) {
    previous = new Int32Array(columns * 2);
    current = new Int32Array(columns * 2);
    beforePrevious = new Int32Array(columns * 2);
  }
  for (let j = 0; j < columns; j++) previous[j] = Math.min(j, beyond);
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(columns - 1, i + max);
    // The cells just outside the band read as "too far" by this row and the next two.
    current[from - 1] = from === 1 ? Math.min(i, beyond) : beyond;
    if (to + 1 < columns) current[to + 1] = beyond;
    let rowMinimum = current[from - 1] as number;
    const aChar = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const bChar = b.charCodeAt(j - 1);
      const substitution = (previous[j - 1] as number) + (aChar === bChar ? 0 : 1);
      let best = Math.min(
        substitution,
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
      );
      if (
        i > 1 &&
        j > 1 &&
        aChar === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === bChar &&
        (beforePrevious[j - 2] as number) + 1 < best
      ) {
        best = (beforePrevious[j - 2] as number) + 1;
      }
      if (best > beyond) best = beyond;
      current[j] = best;
      if (best < rowMinimum) rowMinimum = best;
    }
    if (rowMinimum > max) return beyond;
    const spare = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = spare;
  }
  const distance = previous[columns - 1] as number;
  return distance > max ? beyond : distance;
}
