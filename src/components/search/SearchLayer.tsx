import { useState, type ReactNode } from 'react';
import classes from './SearchLayer.module.css';

interface SearchLayerProps {
  /** Search results are shown instead of the list. */
  searching: boolean;
  /** The search results (only rendered while searching). */
  panel: ReactNode;
  /** The list. */
  children: ReactNode;
}

/**
 * Lays search results over the list instead of replacing it: the list stays mounted, laid out
 * and scrolled where it was (hidden and inert meanwhile), so clearing the search shows it again
 * exactly as the user left it, without reloading a row.
 *
 * While searching, the list is rendered from the elements it had when the search began: React
 * skips an element it has seen before, so keystrokes and arriving results do not re-render the
 * hidden rows (they were a good part of each keystroke's cost). It catches up when shown again.
 */
export function SearchLayer({ searching, panel, children }: SearchLayerProps) {
  const [frozen, setFrozen] = useState<{ list: ReactNode } | null>(null);
  if (searching && frozen === null) setFrozen({ list: children });
  if (!searching && frozen !== null) setFrozen(null);
  const list = searching && frozen !== null ? frozen.list : children;
  return (
    <div className={classes.layer}>
      <div className={classes.list} data-hidden={searching || undefined} inert={searching}>
        {list}
      </div>
      {searching ? <div className={classes.panel}>{panel}</div> : null}
    </div>
  );
}
