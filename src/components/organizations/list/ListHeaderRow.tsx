import { LIST_COLUMNS } from './OrganizationRow.tsx';
import classes from './OrganizationTable.module.css';

/** The organizations table's column headers (the table's first row). */
export function ListHeaderRow() {
  return (
    <div role="rowgroup" className={classes.headerGroup}>
      <div role="row" aria-rowindex={1} className={classes.headerRow}>
        {LIST_COLUMNS.map((column) => (
          <div
            key={column}
            role="columnheader"
            className={
              column === 'Size' ? `${classes.headerCell} ${classes.numeric}` : classes.headerCell
            }
          >
            {column}
          </div>
        ))}
      </div>
    </div>
  );
}
