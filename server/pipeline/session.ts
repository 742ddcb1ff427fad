import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { SignInAuth, TeamAccess } from '../auth/console-auth.ts';
import { checkReturnTo, signInUrl } from '../auth/return-to.ts';
import { clearSessionCookie, readSessionCookie } from '../auth/session-cookie.ts';
import { TOUCH_INTERVAL_MAX_MS, type Session } from '../store/index.ts';
import type { Actor, ConsoleEnv } from './console-env.ts';

export const LOCAL_ACTOR: Actor = { kind: 'local' };

export const NOT_SIGNED_IN = {
  error: 'Sign in to continue: you are not signed in, or your session has ended.',
  signInUrl: '/console/sign-in',
};

/** A signed-in request's session, as the store has it, with the cookie's id. */
export interface CurrentSession {
  id: string;
  session: Session;
}

/**
 * The session of the request's cookie: one store lookup (by the id's hash), null when there is no
 * cookie or the session is unknown, revoked or expired (idle or absolute) — so a sign-out or
 * revocation takes effect on the very next request, on every replica.
 */
export async function currentSession(
  c: Context,
  team: TeamAccess,
  auth: SignInAuth,
): Promise<CurrentSession | null> {
  const id = readSessionCookie(c, auth.cookies);
  if (id === undefined) return null;
  const session = await team.store.sessions.get(id);
  if (session === null) {
    clearSessionCookie(c, auth.cookies);
    return null;
  }
  return { id, session };
}

/**
 * The session step: with sign-in on, a request passes only with a live session, and acts for its
 * person (`actor`); without one an API request (`json`) gets 401 and a page load (`redirect`) goes
 * to sign-in, to come back to the same address. Every request a person makes counts as activity:
 * the idle expiry slides, written at most once a minute (the store's touch interval), so most
 * requests cost one indexed read. In local mode every request acts for `local`.
 */
export function sessionStep(team: TeamAccess | undefined, answer: 'json' | 'redirect') {
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    if (team === undefined || team.auth.mode === 'local') {
      c.set('actor', LOCAL_ACTOR);
      return next();
    }
    const current = await currentSession(c, team, team.auth);
    if (current === null) {
      c.header('Cache-Control', 'no-store');
      if (answer === 'json') return c.json(NOT_SIGNED_IN, 401);
      return c.redirect(signInUrlFor(c.req.url), 302);
    }
    if (touchDue(current.session, team.now())) await team.store.sessions.touch(current.id);
    c.set('actor', actorOf(current.session));
    await next();
    keepPrivate(c);
  });
}

/**
 * An answer for a signed-in person is theirs alone: no shared cache (a company proxy, a CDN) may
 * keep it and hand it to someone else, whatever the upstream said. `no-store` stays as it was;
 * anything else becomes `private, no-cache` (the browser may still revalidate with an ETag).
 */
function keepPrivate(c: Context): void {
  const given = c.res.headers.get('cache-control') ?? '';
  const value = /\bno-store\b/i.test(given) ? 'private, no-store' : 'private, no-cache';
  try {
    c.res.headers.set('Cache-Control', value);
  } catch (error) {
    // An answer from fetch() has immutable headers: copy it first (as security-headers.ts does).
    if (!(error instanceof TypeError)) throw error;
    const copy = new Response(c.res.body, c.res);
    copy.headers.set('Cache-Control', value);
    c.res = undefined;
    c.res = copy;
  }
}

export function actorOf(session: Session): Actor {
  return {
    kind: 'person',
    subject: session.subject,
    email: session.email,
    name: session.name,
    role: session.role,
  };
}

/** As the store decides (session-store.ts): once per min(1 minute, a tenth of the idle timeout). */
function touchDue(session: Session, now: number): boolean {
  const interval = Math.min(TOUCH_INTERVAL_MAX_MS, Math.floor(session.idleTimeoutMs / 10));
  return now - session.lastSeenAt >= interval;
}

/** Sign-in that returns to this page (or to the start page, for an address it cannot return to). */
function signInUrlFor(url: string): string {
  const { pathname, search } = new URL(url);
  const back = checkReturnTo(pathname + search);
  return signInUrl(back.ok ? back.path : '/');
}
