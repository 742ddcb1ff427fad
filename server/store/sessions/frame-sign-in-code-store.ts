import { createHash, randomBytes } from 'node:crypto';
import { StoreInputError } from '../errors.ts';
import { optionalText, requiredId, timestamp, wholeNumber } from '../input.ts';
import { read, type Row } from '../rows.ts';
import { CONSOLE_ROLES, type ConsoleRole } from './session-store.ts';

/**
 * A one-time code that carries a sign-in from the console's pop-up (a top-level window, whose
 * session cookie a chat tool's frame cannot read) to the lookup page in that frame
 * (server/auth/frame-sign-in-routes.ts). It names a person and a role, never a session: the frame
 * swaps it for a session of its own. Used once, within a minute at most.
 */
export interface NewFrameSignInCode extends FrameSignInPerson {
  ttlMs: number;
}

/** Who a code signs in, as the pop-up's session had it. */
export interface FrameSignInPerson {
  subject: string;
  email: string | null;
  name: string | null;
  role: ConsoleRole;
  /** Kept for the frame's session, to send as `id_token_hint` at its sign-out. */
  idToken: string | null;
  /** The pop-up session's absolute end: the frame's session may not outlive it. */
  absoluteExpiresAt: number;
}

export interface FrameSignInCode extends FrameSignInPerson {
  createdAt: number;
  expiresAt: number;
}

export interface FrameSignInCodeStore {
  /** A fresh code (returned once; the store keeps only its SHA-256) and when it stops working. */
  create(input: NewFrameSignInCode): Promise<{ code: string; expiresAt: number }>;
  /** Takes the code out (each is used once): null when unknown, already used or expired. */
  take(code: string): Promise<FrameSignInCode | null>;
  purgeExpired(): Promise<number>;
}

/** At most a minute: long enough for a pop-up to hand the code over, too short to be worth a leak. */
export const MAX_FRAME_SIGN_IN_CODE_TTL_MS = 60_000;

const CODE = /^[A-Za-z0-9_-]{43}$/;

/** The key a code is stored under; null for a string that cannot be a code. */
export function frameSignInCodeHash(code: unknown): string | null {
  return typeof code === 'string' && CODE.test(code)
    ? createHash('sha256').update(code).digest('hex')
    : null;
}

export interface FrameSignInCodeRow {
  codeHash: string;
  subject: string;
  email: string | null;
  name: string | null;
  role: ConsoleRole;
  idToken: string | null;
  absoluteExpiresAt: number;
  createdAt: number;
  expiresAt: number;
}

export function prepareFrameSignInCode(
  input: NewFrameSignInCode,
  now: number,
): { code: string; row: FrameSignInCodeRow } {
  if (!(CONSOLE_ROLES as readonly string[]).includes(input.role)) {
    throw new StoreInputError(`role must be one of ${CONSOLE_ROLES.join(', ')}.`);
  }
  const ttlMs = wholeNumber('ttlMs', input.ttlMs, 1_000, MAX_FRAME_SIGN_IN_CODE_TTL_MS);
  // 256 random bits, base64url, as a session id: not guessable within its minute.
  const code = randomBytes(32).toString('base64url');
  return {
    code,
    row: {
      codeHash: frameSignInCodeHash(code) as string,
      subject: requiredId('subject', input.subject),
      email: optionalText('email', input.email, 1_000),
      name: optionalText('name', input.name, 1_000),
      role: input.role,
      idToken: optionalText('idToken', input.idToken, 64_000),
      absoluteExpiresAt: timestamp('absoluteExpiresAt', input.absoluteExpiresAt),
      createdAt: now,
      expiresAt: now + ttlMs,
    },
  };
}

/** The row taken out, unless it had expired (a late code is refused like an unknown one). */
export function frameSignInCodeFromRow(row: Row | undefined, now: number): FrameSignInCode | null {
  if (row === undefined) return null;
  const r = read(row, 'frame_sign_in_codes');
  const code: FrameSignInCode = {
    subject: r.text('subject'),
    email: r.optionalText('email'),
    name: r.optionalText('name'),
    role: r.oneOf('role', CONSOLE_ROLES),
    idToken: r.optionalText('id_token'),
    absoluteExpiresAt: r.integer('absolute_expires_at'),
    createdAt: r.integer('created_at'),
    expiresAt: r.integer('expires_at'),
  };
  return code.expiresAt > now ? code : null;
}
