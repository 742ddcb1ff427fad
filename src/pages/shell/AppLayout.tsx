import { Outlet, useLocation, useMatch } from 'react-router';
import { QuickLookup } from '../search/QuickLookup.tsx';
import { QuickLookupButton } from '../../components/palette/QuickLookupButton.tsx';
import { mayReadAudit, signedInLabel } from '../../lib/session/access.ts';
import { useConsoleSession } from '../../hooks/session/useConsoleSession.ts';
import { useSignInWhenRequired } from '../../hooks/session/useSignInWhenRequired.ts';
import { useSignOut } from '../../hooks/session/useSignOut.ts';
import { useDataActivity } from '../../hooks/shell/useDataActivity.ts';
import {
  acknowledgeReconnection,
  checkServerNow,
  useServerConnection,
} from '../../hooks/shell/useServerConnection.ts';
import { AccountMenu } from '../../components/shell/AccountMenu.tsx';
import { organizationsPath, ROUTES } from '../../routes.ts';
import { AppHeader } from '../../components/shell/AppHeader.tsx';
import classes from './AppLayout.module.css';
import { ConnectionBanner } from '../../components/shell/ConnectionBanner.tsx';
import { CrashScreen } from '../../components/shell/CrashScreen.tsx';
import { ErrorBoundary } from '../../components/shell/ErrorBoundary.tsx';
import { LoadingProgress } from '../../components/shell/LoadingProgress.tsx';

// react-remove-scroll's class for fixed elements at the right edge: when a modal locks the page's
// scroll, the header is padded like the page so it does not shift by the scrollbar's width.
// (The string, not the package: it would bring its whole code to the first page.)
const FIXED_AT_RIGHT_EDGE = 'right-scroll-bar-position';

/** The chatbot of the current URL (ROUTES.chatbot and below), if there is one. */
function useRouteChatbotId(): string | undefined {
  return useMatch({ path: ROUTES.chatbot, end: false })?.params.chatbotId;
}

// The bar and the banner follow their own data, so a change re-renders them and not the layout.
function DataLoadingProgress() {
  return <LoadingProgress loadingData={useDataActivity()} />;
}

function ServerConnectionBanner() {
  return (
    <ConnectionBanner
      connection={useServerConnection()}
      onCheckNow={checkServerNow}
      onReconnectionSeen={acknowledgeReconnection}
    />
  );
}

/**
 * The frame of every page: the progress bar, the header, the connection banner, and the page
 * below them. A page that crashes is caught here, so the header stays and the page can be tried
 * again without a reload.
 */
export function AppLayout() {
  const chatbotId = useRouteChatbotId();
  const { pathname } = useLocation();
  useSignInWhenRequired();
  const { session } = useConsoleSession();
  const signOut = useSignOut();
  const label = session === undefined ? null : signedInLabel(session);
  return (
    <div className={classes.shell}>
      <DataLoadingProgress />
      <header className={`${classes.header} ${FIXED_AT_RIGHT_EDGE}`}>
        <AppHeader
          chatbotId={chatbotId}
          tools={chatbotId !== undefined ? <QuickLookupButton /> : undefined}
          showAudit={mayReadAudit(session)}
          account={
            session === undefined ? undefined : (
              <AccountMenu
                person={
                  label === null || session.role === null
                    ? null
                    : { label, email: session.user?.email ?? null, role: session.role }
                }
                onSignOut={signOut.signOut}
                signingOut={signOut.isPending}
                signOutError={signOut.errorMessage}
              />
            )
          }
        />
      </header>
      {/* Ctrl+K / ⌘K on every page of a chatbot. */}
      <QuickLookup chatbotId={chatbotId} />
      <main className={classes.main}>
        <ServerConnectionBanner />
        <ErrorBoundary
          resetKey={pathname}
          fallback={(error, reset) => (
            <CrashScreen
              error={error}
              onRetry={reset}
              homePath={chatbotId === undefined ? '/' : organizationsPath(chatbotId)}
            />
          )}
        >
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
