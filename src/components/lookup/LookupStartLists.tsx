import type { ReactNode } from 'react';
import type { LookupRowData, PinnedRowData } from '../../lib/lookup/lookupRows.ts';
import classes from './Lookup.module.css';
import { LookupSkeleton } from './LookupSkeleton.tsx';

interface LookupStartListsProps {
  pinnedRows: readonly PinnedRowData[];
  recentRows: readonly LookupRowData[];
  /** Why the pins could not be read or changed; null when all is well. */
  pinsError: string | null;
  /** The pins are being read (skeleton rows meanwhile). */
  pinsLoading: boolean;
  /** Nothing to offer: the page says what it is for instead. */
  empty: boolean;
  /** One row; `index` counts across both lists (the row's element id). */
  renderRow: (row: PinnedRowData, index: number) => ReactNode;
}

/** What the lookup offers before anything is searched: the pinned organizations, then recent ones. */
export function LookupStartLists({
  pinnedRows,
  recentRows,
  pinsError,
  pinsLoading,
  empty,
  renderRow,
}: LookupStartListsProps) {
  return (
    <>
      {pinsError !== null ? (
        <p className={classes.error} role="alert">
          Pins: {pinsError}
        </p>
      ) : null}
      {pinsLoading ? <LookupSkeleton label="Loading your pinned organizations" /> : null}
      {pinnedRows.length > 0 ? (
        <section aria-labelledby="lookup-pinned">
          <h2 id="lookup-pinned" className={classes.sectionTitle}>
            Pinned
          </h2>
          <ul className={classes.list}>{pinnedRows.map((row, index) => renderRow(row, index))}</ul>
        </section>
      ) : null}
      {recentRows.length > 0 ? (
        <section aria-labelledby="lookup-recent">
          <h2 id="lookup-recent" className={classes.sectionTitle}>
            Recent
          </h2>
          <ul className={classes.list}>
            {recentRows.map((row, index) => renderRow(row, pinnedRows.length + index))}
          </ul>
        </section>
      ) : null}
      {empty ? (
        <p className={`${classes.text} ${classes.dimmed}`}>
          Type a name, an e-mail, a domain or a city. Organizations you pin (the pin button on a
          result) and those you open are offered here.
        </p>
      ) : null}
    </>
  );
}
