import type { SortedTerms } from './sorted-terms.ts';

/**
 * Receives a term that starts with a misspelling of the query token: `distance` is the
 * fewest edits between the token and a prefix of the term (1 or 2); `lastLetterKept` says
 * whether an alignment with that few edits ends on the token's last letter ("nortw" →
 * NORTHW-ind keeps it; "nortw" → NORTH-ern replaces it).
 */
export type FuzzyPrefixVisitor = (
  termId: number,
  distance: number,
  lastLetterKept: boolean,
) => void;

let rows = new Int32Array(0);
// Per depth, over the term's prefixes up to that depth: the fewest edits from the token, and
// twice the fewest edits of an alignment that ends on the token's last letter.
let fewestEdits = new Int32Array(0);
let fewestKeepingLast = new Int32Array(0);

/**
 * The partial misspelt word ("nortw" for Northwind, "seatl" for Seattle): visits every term
 * that starts with a string within `maxTypos` edits (optimal string alignment) of `token` but
 * does not start with `token` itself (plain prefixes are found elsewhere). The first character
 * must be right: people rarely miss it, and it keeps the walk to one letter's terms.
 *
 * It walks the sorted vocabulary as a trie: each term reuses the edit-distance rows of the
 * prefix it shares with the previous term; past a prefix from which no longer term can be
 * reported (every extension is more than `maxTypos` edits away and nothing before it counted,
 * or the prefix starts with the token itself), the walk jumps past all terms that start with
 * it. It stops after about `maxSteps` rows and terms; returns the steps it took.
 */
export function forEachFuzzyPrefixMatch(
  sorted: SortedTerms,
  terms: readonly string[],
  token: string,
  maxTypos: number,
  maxSteps: number,
  visit: FuzzyPrefixVisitor,
): number {
  const n = token.length;
  if (n === 0 || maxTypos <= 0) return 0;
  const width = n + 1;
  const maxDepth = n + maxTypos;
  if (rows.length < (maxDepth + 1) * width) rows = new Int32Array((maxDepth + 1) * width * 2);
  if (fewestEdits.length < maxDepth + 1) {
    fewestEdits = new Int32Array((maxDepth + 1) * 2);
    fewestKeepingLast = new Int32Array((maxDepth + 1) * 2);
  }
  const beyond = maxTypos + 1;
  for (let j = 0; j < width; j++) rows[j] = Math.min(j, beyond);
  fewestEdits[0] = beyond;
  fewestKeepingLast[0] = 2 * beyond;
  const lastLetter = token.charCodeAt(n - 1);

  const firstChar = token.charCodeAt(0);
  const afterTokenPrefixes = successorOfPrefix(token, n);
  let previousTerm = '';
  let computedDepth = 0;
  let previousPruned = false;
  let steps = 0;
  const cursor = sorted.seek(token[0] as string);
  while (!cursor.done) {
    const termId = cursor.termId;
    const term = terms[termId] as string;
    if (term.charCodeAt(0) !== firstChar) break;
    if (++steps > maxSteps) return steps;
    // Terms that start with the token are plain prefix matches, found elsewhere.
    if (afterTokenPrefixes !== undefined && term.startsWith(token)) {
      cursor.seek(afterTokenPrefixes);
      continue;
    }
    const shared = commonPrefixLength(term, previousTerm, computedDepth);
    let depth = shared;
    // The previous term was cut off at `computedDepth`; one sharing all of that is cut off too.
    let pruned: boolean = previousPruned && shared >= computedDepth;
    if (!pruned) {
      const limit = Math.min(term.length, maxDepth);
      while (depth < limit) {
        depth++;
        steps++;
        const rowMinimum = computeRow(token, term, depth, maxTypos);
        fewestEdits[depth] = Math.min(
          fewestEdits[depth - 1] as number,
          rows[depth * width + n] as number,
        );
        // Ending on a match of the last letter costs what the alignment before it cost.
        const keepingLast =
          term.charCodeAt(depth - 1) === lastLetter
            ? 2 * cellOf(depth - 1, n - 1, n, maxTypos)
            : 2 * beyond;
        fewestKeepingLast[depth] = Math.min(fewestKeepingLast[depth - 1] as number, keepingLast);
        if (rowMinimum > maxTypos) {
          pruned = true;
          break;
        }
      }
    }
    computedDepth = depth;
    previousPruned = pruned;
    previousTerm = term;
    const distance = fewestEdits[depth] as number;
    const reported = distance >= 1 && distance <= maxTypos;
    if (reported) visit(termId, distance, fewestKeepingLast[depth] === 2 * distance);
    // Every term sharing the prefix cut off here has the same figures: none is reported either.
    const after = pruned && !reported ? successorOfPrefix(term, depth) : undefined;
    if (after === undefined) cursor.next();
    else cursor.seek(after);
  }
  return steps;
}

/**
 * Row `depth` (the term's first `depth` characters against every prefix of the token) from
 * the rows above it; only cells within `maxTypos` of the diagonal are computed, the cells just
 * outside read as `maxTypos + 1`. Returns the row's minimum.
 */
function computeRow(token: string, term: string, depth: number, maxTypos: number): number {
  const n = token.length;
  const width = n + 1;
  const beyond = maxTypos + 1;
  const row = depth * width;
  const above = row - width;
  const from = Math.max(1, depth - maxTypos);
  const to = Math.min(n, depth + maxTypos);
  rows[row + from - 1] = from === 1 ? Math.min(depth, beyond) : beyond;
  if (to + 1 <= n) rows[row + to + 1] = beyond;
  // The whole token's cell is read for every row, also while it lies beyond the band.
  if (to + 1 < n) rows[row + n] = beyond;
  let minimum = rows[row + from - 1] as number;
  const termChar = term.charCodeAt(depth - 1);
  const termCharBefore = depth > 1 ? term.charCodeAt(depth - 2) : -1;
  for (let j = from; j <= to; j++) {
    const tokenChar = token.charCodeAt(j - 1);
    let best = Math.min(
      (rows[above + j - 1] as number) + (termChar === tokenChar ? 0 : 1),
      (rows[above + j] as number) + 1,
      (rows[row + j - 1] as number) + 1,
    );
    if (
      depth > 1 &&
      j > 1 &&
      termChar === token.charCodeAt(j - 2) &&
      termCharBefore === tokenChar &&
      (rows[above - width + j - 2] as number) + 1 < best
    ) {
      best = (rows[above - width + j - 2] as number) + 1;
    }
    if (best > beyond) best = beyond;
    rows[row + j] = best;
    if (best < minimum) minimum = best;
  }
  // Beyond the band nothing is within reach, so an empty band is a row above `maxTypos`.
  return from > to ? Math.min(minimum, beyond) : minimum;
}

/** The first string after every string that starts with `text[0, length)`, if there is one. */
function successorOfPrefix(text: string, length: number): string | undefined {
  if (length === 0) return undefined;
  const last = text.charCodeAt(length - 1);
  if (last === 0xffff) return undefined;
  return text.slice(0, length - 1) + String.fromCharCode(last + 1);
}

/** Cell `j` of row `depth` as computed, or `maxTypos + 1` where that row left it out. */
function cellOf(depth: number, j: number, n: number, maxTypos: number): number {
  if (depth > 0 && j !== n) {
    const from = Math.max(1, depth - maxTypos);
    const to = Math.min(n, depth + maxTypos);
    if (j < from - 1 || j > to + 1) return maxTypos + 1;
  }
  return rows[depth * (n + 1) + j] as number;
}

function commonPrefixLength(a: string, b: string, max: number): number {
  const limit = Math.min(a.length, b.length, max);
  let i = 0;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
