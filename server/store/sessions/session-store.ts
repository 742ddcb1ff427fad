import { createHash, randomBytes } from 'node:crypto';
import { StoreInputError } from '../errors.ts';
import { optionalText, requiredId, wholeNumber } from '../input.ts';
import { read, type Row } from '../rows.ts';

export const CONSOLE_ROLES = ['viewer', 'agent', 'admin'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

export interface NewSession {
  /** The provider's `sub`: who the user is, stable across e-mail changes. */
  subject: string;
  email: string | null;
  name: string | null;
  role: ConsoleRole;
  /**
   * The provider's ID token, kept only to send as `id_token_hint` at sign-out (RP-initiated
   * logout). It asserts who signed in; it grants nothing at this console (the cookie does) nor at
   * the provider, so it is stored like the e-mail beside it, and deleted with the session.
   */
  idToken: string | null;
  /** The session ends when unused this long. */
  idleTimeoutMs: number;
  /** The session ends this long after sign-in, however busy. */
  absoluteTimeoutMs: number;
}

export interface Session {
  subject: string;
  email: string | null;
  name: string | null;
  role: ConsoleRole;
  idToken: string | null;
  createdAt: number;
  lastSeenAt: number;
  idleTimeoutMs: number;
  absoluteExpiresAt: number;
  /** When it ends unless used again: the earlier of idle and absolute expiry. */
  expiresAt: number;
}

export interface CreatedSession {
  /** The opaque id for the cookie. Returned once; the store keeps only its SHA-256. */
  id: string;
  session: Session;
}

/**
 * Server-side sessions. Every method takes the raw id from the cookie and hashes it itself; a
 * malformed id is simply not found.
 */
export interface SessionStore {
  create(input: NewSession): Promise<CreatedSession>;
  /** The session, or null when unknown, revoked or expired (idle or absolute). */
  get(id: string): Promise<Session | null>;
  /**
   * Slides the idle expiry to now + idle timeout (never past the absolute one). Cheap enough for
   * every request: it writes at most once per min(1 minute, a tenth of the idle timeout).
   */
  touch(id: string): Promise<void>;
  /** Sign-out: the session stops working on its next request. False when it did not exist. */
  revoke(id: string): Promise<boolean>;
  /** Revokes every session of a user (role taken away, account closed); returns how many. */
  revokeAllForUser(subject: string): Promise<number>;
  /** Deletes expired sessions; returns how many. */
  purgeExpired(): Promise<number>;
}

const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/** 256 random bits, base64url: what goes into the cookie. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

/** The key a session is stored under; null for a string that cannot be a session id. */
export function sessionIdHash(id: string): string | null {
  return typeof id === 'string' && SESSION_ID.test(id)
    ? createHash('sha256').update(id).digest('hex')
    : null;
}

/** The longest a touch may wait to write: also how early an idle session may end at worst. */
export const TOUCH_INTERVAL_MAX_MS = 60_000;

const DAY_MS = 86_400_000;

/** A session as inserted: the session and the hash of its id. */
export type SessionRow = Session & { idHash: string };

/** Checks a new session and computes the row to insert, with a fresh id. */
export function prepareSession(input: NewSession, now: number): { id: string; row: SessionRow } {
  if (!(CONSOLE_ROLES as readonly string[]).includes(input.role)) {
    throw new StoreInputError(`role must be one of ${CONSOLE_ROLES.join(', ')}.`);
  }
  const idleTimeoutMs = wholeNumber('idleTimeoutMs', input.idleTimeoutMs, 1_000, 365 * DAY_MS);
  const absoluteTimeoutMs = wholeNumber(
    'absoluteTimeoutMs',
    input.absoluteTimeoutMs,
    1_000,
    365 * DAY_MS,
  );
  const id = newSessionId();
  const absoluteExpiresAt = now + absoluteTimeoutMs;
  return {
    id,
    row: {
      idHash: sessionIdHash(id) as string,
      subject: requiredId('subject', input.subject),
      email: optionalText('email', input.email, 1_000),
      name: optionalText('name', input.name, 1_000),
      role: input.role,
      idToken: optionalText('idToken', input.idToken, 64_000),
      createdAt: now,
      lastSeenAt: now,
      idleTimeoutMs,
      absoluteExpiresAt,
      expiresAt: Math.min(now + idleTimeoutMs, absoluteExpiresAt),
    },
  };
}

export function sessionFromRow(row: Row): Session {
  const r = read(row, 'sessions');
  return {
    subject: r.text('subject'),
    email: r.optionalText('email'),
    name: r.optionalText('name'),
    role: r.oneOf('role', CONSOLE_ROLES),
    idToken: r.optionalText('id_token'),
    createdAt: r.integer('created_at'),
    lastSeenAt: r.integer('last_seen_at'),
    idleTimeoutMs: r.integer('idle_timeout_ms'),
    absoluteExpiresAt: r.integer('absolute_expires_at'),
    expiresAt: r.integer('expires_at'),
  };
}

export function sessionFromPrepared(row: SessionRow): Session {
  const { idHash: _idHash, ...session } = row;
  return session;
}
