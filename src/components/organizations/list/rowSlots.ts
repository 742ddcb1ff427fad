// Which DOM row shows which list row. A row that scrolls out of the window gives its element to a
// row that scrolls in, rather than the one being removed and the other built: in Chromium, new
// texts in an element that stays where it is cost about half the style and layout of a new row,
// and none of its creation (`npm run bench`: long tasks while scrolling). The elements keep their
// DOM order, so the DOM order is not the rows' order on screen: the body tells assistive
// technology the order with `aria-owns` (ListBody.tsx).

/** The slot of each row key rendered: keys are organization ids, or `position:N` for the rest. */
export type RowSlots = ReadonlyMap<string, number>;

/**
 * The slots for `keys` (the rows rendered, in any order), from the `previous` assignment: a key
 * that had a slot keeps it (its element, and so its focus, stays), and a new key takes the lowest
 * slot no kept key holds and that is not `withheld`. A withheld slot is one whose element holds
 * the focus while its row leaves: it is not given to another row, whose text the focus would then
 * sit on unannounced; it unmounts, as a row that leaves does.
 */
export function assignRowSlots(
  previous: RowSlots,
  keys: readonly string[],
  withheld: number | null = null,
): Map<string, number> {
  const next = new Map<string, number>();
  // A withheld slot is taken from the start: its own row, if still rendered, keeps it below, and
  // no new row can have it.
  const taken = new Set<number>(withheld === null ? [] : [withheld]);
  for (const key of keys) {
    const slot = previous.get(key);
    if (slot !== undefined) {
      next.set(key, slot);
      taken.add(slot);
    }
  }
  let free = 0;
  for (const key of keys) {
    if (next.has(key)) continue;
    while (taken.has(free)) free += 1;
    next.set(key, free);
    taken.add(free);
  }
  return next;
}
