import { useEffect } from 'react';
import type { ServerConnection } from '../../hooks/shell/useServerConnection.ts';
import classes from './ConnectionBanner.module.css';

/** "Connected again" stays this long. */
const BACK_NOTICE_MS = 4_000;

/**
 * Above every page while the console server cannot be reached (said at the first request that
 * got no answer), and briefly once it answers again. Plain elements and a few lines of CSS: it is
 * part of the first page's code. The layout (src/pages/shell/AppLayout.tsx) passes the connection.
 */
export function ConnectionBanner({
  connection: { serverReachable, browserOnline, backAtMs },
  onCheckNow,
  onReconnectionSeen,
}: {
  connection: ServerConnection;
  /** "Check now": ask the server at once. */
  onCheckNow: () => void;
  /** "Connected again" has been shown long enough. */
  onReconnectionSeen: () => void;
}) {
  const lost = !serverReachable || !browserOnline;
  useEffect(() => {
    if (lost || backAtMs === null) return;
    const timer = setTimeout(onReconnectionSeen, BACK_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [lost, backAtMs, onReconnectionSeen]);

  // The live region stays in the page, so that what appears in it is announced.
  return (
    <div role="status" className={classes.region}>
      {lost ? (
        <div className={classes.banner} data-state="lost">
          <p className={classes.text}>
            <strong>
              {browserOnline ? 'The console server cannot be reached.' : 'This browser is offline.'}
            </strong>{' '}
            What you see was loaded before and may be out of date. Edits stay in their forms (and in
            this browser) until they can be saved. Checking again every few seconds.
          </p>
          <button
            type="button"
            className={`${classes.button} mantine-focus-auto`}
            onClick={onCheckNow}
          >
            Check now
          </button>
        </div>
      ) : backAtMs !== null ? (
        <div className={classes.banner} data-state="back">
          <p className={classes.text}>
            <strong>Connected again.</strong> Refreshing what is shown.
          </p>
        </div>
      ) : null}
    </div>
  );
}
