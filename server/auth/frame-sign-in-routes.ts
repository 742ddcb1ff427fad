// Sign-in for the lookup inside a chat tool's frame (EMBED_ALLOWED_ORIGINS with sign-in on). The
// frame's session cookie is partitioned by the chat tool's site, and most identity providers
// refuse to be framed, so sign-in happens in a pop-up — a top-level window, whose session the frame
// cannot see. The pop-up's last page (frame-sign-in-page.ts) asks for a one-time code
// (POST /console/frame-sign-in/code, its session needed) and posts it to the frame at the console's
// origin; the frame swaps it (POST /console/frame-sign-in/redeem) for a session of its own, for the
// same person and role. A code names no session, works once, within a minute; a used, expired or
// unknown one is a 400 that changes nothing and is logged. Both POSTs pass the same-origin rule.
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { ConsoleEnv } from '../pipeline/console-env.ts';
import { currentSession } from '../pipeline/session.ts';
import { KEEP_OPENER, SCRIPT_HASHES } from '../security-headers.ts';
import { MAX_FRAME_SIGN_IN_CODE_TTL_MS } from '../store/index.ts';
import type { SignInAuth, TeamAccess } from './console-auth.ts';
import {
  FRAME_SIGN_IN_CODE_PATH,
  FRAME_SIGN_IN_PATH,
  FRAME_SIGN_IN_REDEEM_PATH,
  FRAME_SIGN_IN_SCRIPT_HASH,
  renderFrameSignInPage,
} from './frame-sign-in-page.ts';
import { signInUrl } from './return-to.ts';
import { setSessionCookie } from './session-cookie.ts';

export const REFUSED_CODE_ERROR =
  'This sign-in cannot be used: it was already used, took longer than a minute to arrive, or is ' +
  'not one the console gave. Press Sign in again.';

/** A session shorter than this is not worth making: the pop-up's own one is about to end. */
const MIN_SESSION_MS = 60_000;

export function mountFrameSignInRoutes(
  app: Hono<ConsoleEnv>,
  team: TeamAccess,
  auth: SignInAuth,
  apiSession: MiddlewareHandler<ConsoleEnv>,
): void {
  // The pop-up: signed in already (this browser's top-level session), the page; else sign-in first.
  // Its opener must survive every step, so these answers do not isolate it (security-headers.ts).
  app.get(FRAME_SIGN_IN_PATH, async (c) => {
    c.header('Cache-Control', 'no-store');
    c.set(KEEP_OPENER, true);
    const current = await currentSession(c, team, auth);
    if (current === null) return c.redirect(signInUrl(FRAME_SIGN_IN_PATH), 302);
    const { session } = current;
    c.set(SCRIPT_HASHES, [FRAME_SIGN_IN_SCRIPT_HASH]);
    return c.html(renderFrameSignInPage(session.email ?? session.name ?? session.subject));
  });

  app.post(FRAME_SIGN_IN_CODE_PATH, apiSession, async (c) => {
    c.header('Cache-Control', 'no-store');
    const current = await currentSession(c, team, auth);
    if (current === null) throw new Error('the session step lets only a signed-in request pass');
    const { session } = current;
    const { code, expiresAt } = await team.store.frameSignInCodes.create({
      subject: session.subject,
      email: session.email,
      name: session.name,
      role: session.role,
      idToken: session.idToken,
      absoluteExpiresAt: session.absoluteExpiresAt,
      ttlMs: MAX_FRAME_SIGN_IN_CODE_TTL_MS,
    });
    team.log(
      `console: ${who(session)} is signing in the lookup in a chat tool's frame (request ${c.get('requestId')})`,
    );
    return c.json({ code, expiresAt });
  });

  app.post(FRAME_SIGN_IN_REDEEM_PATH, async (c) => redeem(c, team, auth));
}

async function redeem(c: Context<ConsoleEnv>, team: TeamAccess, auth: SignInAuth) {
  c.header('Cache-Control', 'no-store');
  const requestId = c.get('requestId');
  const given = await codeOf(c);
  if (given === undefined) {
    return c.json({ error: 'Send the sign-in code as JSON: {"code": "…"}.' }, 400);
  }
  const taken = await team.store.frameSignInCodes.take(given);
  const now = team.now();
  const remainingMs = taken === null ? 0 : taken.absoluteExpiresAt - now;
  if (taken === null || remainingMs < MIN_SESSION_MS) {
    team.log(
      `console: a frame sign-in code was refused: unknown, used or expired (request ${requestId})`,
    );
    return c.json({ error: REFUSED_CODE_ERROR }, 400);
  }
  // The frame's own session, for the person and role the pop-up signed in; one it had before ends.
  const previous = await currentSession(c, team, auth);
  if (previous !== null) await team.store.sessions.revoke(previous.id);
  const created = await team.store.sessions.create({
    subject: taken.subject,
    email: taken.email,
    name: taken.name,
    role: taken.role,
    idToken: taken.idToken,
    idleTimeoutMs: auth.sessions.idleTimeoutMs,
    absoluteTimeoutMs: Math.min(auth.sessions.absoluteTimeoutMs, remainingMs),
  });
  setSessionCookie(c, auth.cookies, created.id);
  team.log(
    `console: ${who(taken)} signed in as ${taken.role} inside a chat tool's frame (request ${requestId})`,
  );
  return c.json({ signedIn: true, role: taken.role });
}

async function codeOf(c: Context<ConsoleEnv>): Promise<string | undefined> {
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    return undefined;
  }
  const text = await c.req.text();
  if (text.length > 1_000) return undefined;
  try {
    const body: unknown = JSON.parse(text);
    const code = (body as { code?: unknown } | null)?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

function who(person: { email: string | null; name: string | null; subject: string }): string {
  return person.email ?? person.name ?? person.subject;
}
