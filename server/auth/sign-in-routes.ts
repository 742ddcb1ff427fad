// The routes of sign-in: GET /console/session (who am I, which role, which operations), GET
// /console/sign-in (to the provider), GET /console/callback (back from it: a session), POST
// /console/sign-out (the session ends; then the provider's logout) and GET /console/signed-out.
import type { Context, Hono } from 'hono';
import { CONSOLE_OPERATIONS, OPERATION_ROLES, operationsAllowed } from '../api/roles.ts';
import type { OperationName } from '../api/operations.ts';
import type { ConsoleAccess } from '../pipeline/console-access.ts';
import type { ConsoleEnv } from '../pipeline/console-env.ts';
import { currentSession, NOT_SIGNED_IN } from '../pipeline/session.ts';
import { KEEP_OPENER } from '../security-headers.ts';
import { renderAuthPage, type AuthPage } from './auth-pages.ts';
import { FRAME_SIGN_IN_PATH } from './frame-sign-in-page.ts';
import type { SignInAuth, TeamAccess } from './console-auth.ts';
import { checkReturnTo, signInUrl } from './return-to.ts';
import { roleFor } from './role-mapping.ts';
import {
  clearSessionCookie,
  clearSignInCookie,
  readSignInCookie,
  setSessionCookie,
  setSignInCookie,
  SIGN_IN_TTL_MS,
} from './session-cookie.ts';

export const CALLBACK_PATH = '/console/callback';
export const SIGNED_OUT_PATH = '/console/signed-out';

const LOCAL_MODE_ERROR = {
  error: 'Sign-in is off: this console runs in local mode, without sign-in.',
};

export function mountSignInRoutes(
  app: Hono<ConsoleEnv>,
  team: TeamAccess | undefined,
  access: ConsoleAccess,
  keyOperations: readonly OperationName[] | null = null,
): void {
  app.get('/console/session', async (c) => {
    c.header('Cache-Control', 'no-store');
    if (team === undefined || team.auth.mode === 'local') {
      return c.json({
        mode: 'local',
        signInRequired: false,
        user: null,
        role: null,
        operations: CONSOLE_OPERATIONS,
        operationRoles: OPERATION_ROLES,
        keyOperations,
        session: null,
      });
    }
    // Asking who one is is not activity: a page polling this does not keep a session alive.
    const current = await currentSession(c, team, team.auth);
    if (current === null) {
      return c.json({ ...NOT_SIGNED_IN, mode: team.auth.mode, signInRequired: true }, 401);
    }
    const { session } = current;
    return c.json({
      mode: team.auth.mode,
      signInRequired: true,
      user: { subject: session.subject, name: session.name, email: session.email },
      role: session.role,
      operations: operationsAllowed(session.role),
      operationRoles: OPERATION_ROLES,
      keyOperations,
      session: {
        expiresAt: session.expiresAt,
        absoluteExpiresAt: session.absoluteExpiresAt,
        idleTimeoutMs: session.idleTimeoutMs,
      },
    });
  });

  if (team === undefined || team.auth.mode === 'local') {
    for (const path of ['/console/sign-in', CALLBACK_PATH, '/console/sign-out', SIGNED_OUT_PATH]) {
      app.all(path, (c) => c.json(LOCAL_MODE_ERROR, 404));
    }
    return;
  }
  const auth = team.auth;
  const flow = new SignInFlow(team, auth, access);
  app.get('/console/sign-in', (c) => flow.begin(c));
  app.get(CALLBACK_PATH, (c) => flow.finish(c));
  app.post('/console/sign-out', (c) => flow.signOut(c));
  app.get(SIGNED_OUT_PATH, (c) =>
    page(c, 200, {
      title: 'You have signed out',
      paragraphs: ['Your session at the console has ended.'],
      actions: [{ href: '/console/sign-in', label: 'Sign in again' }],
    }),
  );
}

class SignInFlow {
  constructor(
    private readonly team: TeamAccess,
    private readonly auth: SignInAuth,
    private readonly access: ConsoleAccess,
  ) {}

  /** GET /console/sign-in?returnTo=/path[&switchAccount=1]: to the provider. */
  async begin(c: Context<ConsoleEnv>): Promise<Response> {
    c.header('Cache-Control', 'no-store');
    const given = c.req.queries('returnTo') ?? [];
    const returnTo = given.length > 1 ? undefined : checkReturnTo(given[0]);
    if (returnTo === undefined || !returnTo.ok) {
      const why = returnTo === undefined ? 'it is given twice' : returnTo.reason;
      return page(c, 400, {
        title: 'This sign-in link is not valid',
        paragraphs: [`Its return address (returnTo) cannot be used: ${why}.`],
        actions: [{ href: '/console/sign-in', label: 'Sign in' }],
      });
    }
    // The lookup's sign-in pop-up (frame-sign-in-routes.ts) must keep its opener at every step.
    if (returnTo.path === FRAME_SIGN_IN_PATH) c.set(KEEP_OPENER, true);
    // The callback is at the console's own address: begin there, where the sign-in cookie must be.
    const here = new URL(c.req.url);
    const home = new URL(this.access.url);
    if (this.access.origins.size > 1 && here.host !== home.host) {
      return c.redirect(`${home.origin}${here.pathname}${here.search}`, 302);
    }
    let begun;
    try {
      begun = await this.auth.relyingParty.begin({
        forceLogin: c.req.query('switchAccount') === '1',
      });
    } catch (error) {
      this.team.log(`console: sign-in provider not reachable: ${describe(error)}`);
      return page(c, 503, {
        title: 'Sign-in is not available right now',
        paragraphs: [
          'The console could not reach its sign-in provider. Try again in a moment; if it keeps failing, tell whoever runs the console.',
        ],
        actions: [{ href: signInUrl(returnTo.path), label: 'Try again' }],
      });
    }
    await this.team.store.signInStates.put({
      ...begun.pending,
      returnTo: returnTo.path,
      ttlMs: SIGN_IN_TTL_MS,
    });
    setSignInCookie(c, this.auth.cookies, begun.pending.state);
    return c.redirect(begun.url, 302);
  }

  /** GET /console/callback?code&state (or ?error): back from the provider. */
  async finish(c: Context<ConsoleEnv>): Promise<Response> {
    c.header('Cache-Control', 'no-store');
    const state = c.req.query('state');
    const startAgain = { href: '/console/sign-in', label: 'Sign in' };
    if (state === undefined || state === '') {
      return page(c, 400, {
        title: 'Sign-in did not finish',
        paragraphs: [
          'This address finishes a sign-in that the console began, and none was found here.',
        ],
        actions: [startAgain],
      });
    }
    // Only the browser that began this sign-in may finish it (its cookie holds the state).
    if (readSignInCookie(c, this.auth.cookies) !== state) {
      return page(c, 400, {
        title: 'Sign-in did not finish',
        paragraphs: [
          'This sign-in was begun in another browser or tab, or took longer than 10 minutes. Sign in again.',
        ],
        actions: [startAgain],
      });
    }
    clearSignInCookie(c, this.auth.cookies);
    const pending = await this.team.store.signInStates.take(state);
    if (pending === null) {
      return page(c, 400, {
        title: 'Sign-in did not finish',
        paragraphs: ['This sign-in has expired or was already used. Sign in again.'],
        actions: [startAgain],
      });
    }
    if (pending.returnTo === FRAME_SIGN_IN_PATH) c.set(KEEP_OPENER, true);
    const again = { href: signInUrl(pending.returnTo), label: 'Try again' };
    const refused = c.req.query('error');
    if (refused !== undefined) {
      const code = /^[a-z_]{1,64}$/.test(refused) ? ` (${refused})` : '';
      return page(c, 401, {
        title: 'You are not signed in',
        paragraphs: [`The sign-in provider did not sign you in${code}.`],
        actions: [again],
      });
    }

    const callbackUrl = new URL(`${CALLBACK_PATH}${new URL(c.req.url).search}`, this.access.url);
    let signedIn;
    try {
      signedIn = await this.auth.relyingParty.finish(callbackUrl, { ...pending, state });
    } catch (error) {
      this.team.log(`console: sign-in failed at the callback: ${describe(error)}`);
      return page(c, 502, {
        title: 'Sign-in did not finish',
        paragraphs: [
          'The console could not confirm the sign-in with the provider. Try again; if it keeps failing, tell whoever runs the console.',
        ],
        actions: [again],
      });
    }

    const { claims } = signedIn;
    const email = typeof claims.email === 'string' ? claims.email : null;
    const name = typeof claims.name === 'string' ? claims.name : null;
    const who = email ?? name ?? claims.sub;
    const role = roleFor(claims, this.auth.roles);
    if (role === undefined) {
      this.team.log(`console: ${who} signed in at the provider but has no role at the console`);
      return page(c, 403, {
        title: 'You have no role at this console',
        paragraphs: [
          `You are signed in as ${who}, but no role at the console is given to this account: ask an admin of the console to give you one.`,
        ],
        actions: [
          {
            href: `/console/sign-in?switchAccount=1&returnTo=${encodeURIComponent(pending.returnTo)}`,
            label: 'Sign in with another account',
          },
        ],
      });
    }

    // A new session with a new id; the one this browser had before, if any, ends.
    const previous = await currentSession(c, this.team, this.auth);
    if (previous !== null) await this.team.store.sessions.revoke(previous.id);
    const created = await this.team.store.sessions.create({
      subject: claims.sub,
      email,
      name,
      role,
      idToken: signedIn.idToken,
      idleTimeoutMs: this.auth.sessions.idleTimeoutMs,
      absoluteTimeoutMs: this.auth.sessions.absoluteTimeoutMs,
    });
    setSessionCookie(c, this.auth.cookies, created.id);
    this.team.log(`console: ${who} signed in as ${role} (request ${c.get('requestId')})`);
    return c.redirect(pending.returnTo, 303);
  }

  /** POST /console/sign-out (the same-origin rule applies): the session ends at once. */
  async signOut(c: Context<ConsoleEnv>): Promise<Response> {
    c.header('Cache-Control', 'no-store');
    const current = await currentSession(c, this.team, this.auth);
    if (current !== null) {
      await this.team.store.sessions.revoke(current.id);
      const who = current.session.email ?? current.session.subject;
      this.team.log(`console: ${who} signed out (request ${c.get('requestId')})`);
    }
    clearSessionCookie(c, this.auth.cookies);
    const atProvider = await this.auth.relyingParty.endSessionUrl(current?.session.idToken ?? null);
    return c.json({ signedOut: true, redirectTo: atProvider ?? SIGNED_OUT_PATH });
  }
}

function page(
  c: Context<ConsoleEnv>,
  status: 200 | 400 | 401 | 403 | 502 | 503,
  content: AuthPage,
) {
  c.header('Cache-Control', 'no-store');
  return c.html(renderAuthPage(content), status);
}

/** An error for a log line: its kind and message, and an OAuth error code when it has one. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const oauth = (error as { error?: unknown }).error;
  const code = (error as { code?: unknown }).code;
  const details = [typeof code === 'string' ? code : '', typeof oauth === 'string' ? oauth : '']
    .filter((part) => part !== '')
    .join(', ');
  return `${error.name}: ${error.message}${details === '' ? '' : ` (${details})`}`;
}
