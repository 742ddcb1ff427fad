import type { ReactNode } from 'react';
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
 */
export function SearchLayer({ searching, panel, children }: SearchLayerProps) {
  return (
    <div className={classes.layer}>
      <div className={classes.list} data-hidden={searching || undefined} inert={searching}>
        {children}
      </div>
      {searching ? <div className={classes.panel}>{panel}</div> : null}
    </div>
  );
}
