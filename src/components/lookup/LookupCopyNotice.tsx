import classes from './Lookup.module.css';

interface LookupCopyNoticeProps {
  /** The last copy: `key` '' when nothing was copied (the message says why); null when none. */
  copied: { key: string; message: string } | null;
}

/** What the last copy did, read out; a refusal (nothing copied) also shown as an alert. */
export function LookupCopyNotice({ copied }: LookupCopyNoticeProps) {
  return (
    <>
      <div className={classes.visuallyHidden} aria-live="polite">
        {copied?.message ?? ''}
      </div>
      {copied !== null && copied.key === '' ? (
        <p className={classes.error} role="alert">
          {copied.message}
        </p>
      ) : null}
    </>
  );
}
