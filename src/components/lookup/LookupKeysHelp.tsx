import classes from './Lookup.module.css';

/** The keys of the lookup's search box (lib/lookup/lookupKeys.ts); the box points at this line. */
export function LookupKeysHelp({ framed }: { framed: boolean }) {
  return (
    <p id="lookup-keys" className={classes.keys}>
      ↓ ↑ choose · Enter opens in the console{framed ? ' (new tab)' : ''} · Alt+E e-mail, Alt+W
      website, Alt+I id copied · Alt+C contacts · Alt+P pin
    </p>
  );
}
