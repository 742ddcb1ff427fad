import classes from './Lookup.module.css';

/** Placeholder rows while the first results load: the list keeps its height, nothing jumps. */
export function LookupSkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true" aria-label={label} role="status">
      {[0, 1, 2].map((index) => (
        <div key={index} className={`${classes.row} ${classes.skeletonRow}`}>
          <span className={classes.skeleton} style={{ width: '60%', height: 14, marginTop: 0 }} />
          <span className={classes.skeleton} style={{ width: '80%' }} />
          <span className={classes.skeleton} style={{ width: '40%' }} />
        </div>
      ))}
    </div>
  );
}
