import type { FrameSignInStep } from '../../hooks/lookup/useFrameSignIn.ts';
import classes from './Lookup.module.css';

interface LookupSignInProps {
  /** Inside a chat tool's frame: where sign-in in its pop-up stands (hooks/lookup/useFrameSignIn.ts). */
  framed: FrameSignInStep | null;
  signInHref: string;
  onSignIn: () => void;
}

function frameNote(state: FrameSignInStep): string {
  switch (state.step) {
    case 'idle':
      return 'Sign-in opens in a small window; this panel carries on by itself once you are signed in.';
    case 'waiting':
      return 'Sign in in the window that opened. This panel carries on by itself once you have.';
    case 'finishing':
      return 'Signing you in here…';
    case 'blocked':
      return 'The browser did not open the sign-in window. Allow pop-ups for this console, then press Sign in again.';
    case 'closed':
      return 'The sign-in window was closed before it could sign this panel in. Press Sign in to open it again.';
    case 'failed':
      return `Couldn’t finish signing in here: ${state.reason}`;
  }
}

/** Said in place of results when the console needs the person to sign in first. */
export function LookupSignIn({ framed, signInHref, onSignIn }: LookupSignInProps) {
  const busy = framed?.step === 'finishing';
  return (
    <div role="alert">
      <p className={classes.text}>
        <strong>Sign in to look up organizations.</strong>
      </p>
      <p className={`${classes.text} ${classes.dimmed}`} aria-live="polite">
        {framed === null ? 'You are not signed in, or your session has ended.' : frameNote(framed)}
      </p>
      <div className={classes.buttons}>
        <a
          className={classes.button}
          href={signInHref}
          target={framed === null ? undefined : '_blank'}
          aria-disabled={busy || undefined}
          onClick={(event) => {
            event.preventDefault();
            if (!busy) onSignIn();
          }}
        >
          {framed?.step === 'waiting' ? 'Open the sign-in window again' : 'Sign in'}
        </a>
      </div>
    </div>
  );
}
