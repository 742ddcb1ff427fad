import classes from './OrganizationOverview.module.css';

interface VariablesTableProps {
  variables: Record<string, string>;
  /** The table's accessible name (a heading above it names it for sighted readers). */
  label: string;
}

/** The custom variables as a two-column table; keys and values are data, shown as text. */
export function VariablesTable({ variables, label }: VariablesTableProps) {
  const entries = Object.entries(variables);
  if (entries.length === 0) {
    return <p className={classes.empty}>No variables.</p>;
  }
  return (
    <table className={`${classes.table} ${classes.striped}`} aria-label={label}>
      <colgroup>
        <col className={classes.nameColumn} />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([key, value]) => (
          <tr key={key}>
            <td>
              <bdi>{key}</bdi>
            </td>
            <td>
              <bdi>{value}</bdi>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
