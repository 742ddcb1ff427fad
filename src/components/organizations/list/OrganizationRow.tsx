import { Fragment, memo } from 'react';
import type { Organization } from '../../../lib/shared/apiTypes.ts';
import { displayText } from '../../../lib/shared/displayText.ts';
import { elementTiming } from '../../../lib/shared/elementTiming.ts';
import { exactTime, relativeTime } from '../../../lib/shared/relativeTime.ts';
import { RowSelectBox, type PickRow } from '../selection/RowSelectBox.tsx';
import classes from './OrganizationTable.module.css';

/** A value the organization does not have: a dash to the eye, "not set" to a screen reader. */
function EmptyValue() {
  return (
    <>
      <span className={classes.empty} aria-hidden="true">
        —
      </span>
      <span className={classes.visuallyHidden}>not set</span>
    </>
  );
}

/** A cell's one line of API text: ellipsised, its full text on hover, isolated direction. */
function TextCell({ value, className }: { value: string | undefined; className?: string }) {
  const cellClass = className ? `${classes.cell} ${className}` : classes.cell;
  if (value === undefined || value.trim() === '') {
    return (
      <div role="cell" className={cellClass}>
        <EmptyValue />
      </div>
    );
  }
  const text = displayText(value);
  return (
    <div role="cell" className={cellClass} title={text}>
      <bdi>{text}</bdi>
    </div>
  );
}

/** "Location, country", each part isolated (a Hebrew city must not reorder the country). */
function PlaceCell({ organization }: { organization: Organization }) {
  const parts = [organization.address?.location, organization.address?.country]
    .filter((part): part is string => part !== undefined && part.trim() !== '')
    .map(displayText);
  if (parts.length === 0) return <TextCell value={undefined} />;
  return (
    <div role="cell" className={classes.cell} title={parts.join(', ')}>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && ', '}
          <bdi>{part}</bdi>
        </Fragment>
      ))}
    </div>
  );
}

/** One formatter for every row: `toLocaleString` would build one per call (per row rendered). */
const SIZE_FORMAT = new Intl.NumberFormat('en');

export const LIST_COLUMNS = [
  'Name',
  'Industry',
  'Size',
  'Location',
  'Website',
  'Email',
  'Updated',
] as const;

interface OrganizationRowProps {
  /** The element's id: the table body lists its rows' ids in their order (aria-owns). */
  id: string;
  organization: Organization;
  href: string;
  /** Position in the whole list (the keyboard finds the row by it). */
  position: number;
  /** 1-based position among the table's rows (the header is row 1). */
  rowIndex: number;
  /** The row the keyboard moves from: highlighted, and the table's one tab stop. */
  active: boolean;
  nowMs: number;
  /** Offset of the row in the table body (px). */
  top: number;
  /** Called with `position` when the row's link takes focus; stable, so rows can be skipped. */
  onFocusPosition: (position: number) => void;
  /** A click on the row's checkbox (Shift: the range from the last one); stable. */
  onPick: PickRow;
}

/**
 * Marks the first row's name cell (a block: Chromium times text by its block) for Element Timing:
 * the browser reports when it was painted, what a user waits for on this page (`npm run bench`:
 * first rows painted). One object for every render of that row.
 */
const FIRST_ROW_TIMING = elementTiming('first-organization-row');

/**
 * One organization of the list. Memoized: a scroll frame or a focus change re-renders the table,
 * and only the rows whose props changed (a row given to another organization, the active row)
 * render again.
 */
export const OrganizationRow = memo(function OrganizationRow({
  id,
  organization,
  href,
  position,
  rowIndex,
  active,
  nowMs,
  top,
  onFocusPosition,
  onPick,
}: OrganizationRowProps) {
  const name = displayText(organization.name);
  const updated = relativeTime(organization.updated, nowMs);
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={rowIndex}
      data-position={position}
      className={classes.row}
      data-active={active || undefined}
      style={{ transform: `translateY(${top}px)` }}
    >
      <div
        role="cell"
        className={`${classes.cell} ${classes.name}`}
        title={name}
        {...(position === 0 ? FIRST_ROW_TIMING : undefined)}
      >
        <RowSelectBox id={organization.id} name={name} onPick={onPick} />
        {/* A plain anchor: the table body navigates for it (useRowLinkClicks.ts). */}
        <a
          href={href}
          data-row-link=""
          className={classes.rowLink}
          tabIndex={active ? 0 : -1}
          onFocus={() => onFocusPosition(position)}
        >
          <bdi>{name.trim() === '' ? '(no name)' : name}</bdi>
        </a>
      </div>
      <TextCell value={organization.industry} />
      <div role="cell" className={`${classes.cell} ${classes.numeric}`}>
        {organization.size === undefined ? <EmptyValue /> : SIZE_FORMAT.format(organization.size)}
      </div>
      <PlaceCell organization={organization} />
      <TextCell value={organization.website} />
      <TextCell value={organization.email} />
      <div
        role="cell"
        className={`${classes.cell} ${classes.updated}`}
        title={exactTime(organization.updated) ?? organization.updated}
      >
        <time dateTime={organization.updated}>{updated ?? displayText(organization.updated)}</time>
      </div>
    </div>
  );
});
