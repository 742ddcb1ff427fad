import { LIST_COLUMNS } from './OrganizationRow.tsx';
import classes from './OrganizationTable.module.css';

/** A row not fetched (yet): grey bars in the columns, hidden from assistive technology. */
export function ListPlaceholderRow({ top }: { top: number }) {
  return (
    <div
      aria-hidden="true"
      className={classes.placeholder}
      style={{ transform: `translateY(${top}px)` }}
    >
      {LIST_COLUMNS.map((column) => (
        <span key={column} className={classes.placeholderBar} />
      ))}
    </div>
  );
}
