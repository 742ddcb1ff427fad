import classes from './Lookup.module.css';

interface LookupSignInProps {
  /** Inside a chat tool's frame: sign-in opens in a pop-up window. */
  framed: boolean;
  signInHref: string;
  onSignIn: () => void;
  onRetry: () => void;
}

/** Said in place of results when the console needs the person to sign in first. */
export function LookupSignIn({ framed, signInHref, onSignIn, onRetry }: LookupSignInProps) {
  return (
    <div role="alert">
      <p className={classes.text}>
        <strong>Sign in to look up organizations.</strong>
      </p>
      <p className={`${classes.text} ${classes.dimmed}`}>
        {framed
          ? 'Sign-in opens in a new window; come back here once you are signed in.'
          : 'You are not signed in, or your session has ended.'}
      </p>
      <div className={classes.buttons}>
        <a
          className={classes.button}
          href={signInHref}
          target={framed ? '_blank' : undefined}
          onClick={(event) => {
            event.preventDefault();
            onSignIn();
          }}
        >
          Sign in
        </a>
        {framed ? (
          <button type="button" className={classes.button} data-variant="default" onClick={onRetry}>
            I have signed in
          </button>
        ) : null}
      </div>
    </div>
  );
}
