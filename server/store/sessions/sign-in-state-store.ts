import { createHash } from 'node:crypto';
import { StoreInputError } from '../errors.ts';
import { requiredId, wholeNumber } from '../input.ts';
import { read, type Row } from '../rows.ts';

/** What the sign-in callback needs to finish an OpenID Connect authorization code + PKCE flow. */
export interface NewSignInState {
  /** The `state` sent to the provider and echoed back; the store keeps only its SHA-256. */
  state: string;
  codeVerifier: string;
  nonce: string;
  /** Where the user was when sign-in began (a path on the console). */
  returnTo: string;
  ttlMs: number;
}

export interface SignInState {
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  createdAt: number;
  expiresAt: number;
}

export interface SignInStateStore {
  put(input: NewSignInState): Promise<void>;
  /** Takes the state out (each is used once): null when unknown, already used or expired. */
  take(state: string): Promise<SignInState | null>;
  purgeExpired(): Promise<number>;
}

export interface SignInStateRow {
  stateHash: string;
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  createdAt: number;
  expiresAt: number;
}

export function signInStateHash(state: string): string {
  return createHash('sha256').update(state).digest('hex');
}

export function prepareSignInState(input: NewSignInState, now: number): SignInStateRow {
  if (typeof input.state !== 'string' || input.state.length < 16) {
    throw new StoreInputError('state must be a random string of at least 16 characters.');
  }
  return {
    stateHash: signInStateHash(input.state),
    codeVerifier: requiredId('codeVerifier', input.codeVerifier),
    nonce: requiredId('nonce', input.nonce),
    returnTo: requiredId('returnTo', input.returnTo, 8_000),
    createdAt: now,
    expiresAt: now + wholeNumber('ttlMs', input.ttlMs, 1_000, 3_600_000),
  };
}

/** The row taken out, unless it had expired (a late callback is refused like an unknown one). */
export function signInStateFromRow(row: Row | undefined, now: number): SignInState | null {
  if (row === undefined) return null;
  const r = read(row, 'sign_in_states');
  const state = {
    codeVerifier: r.text('code_verifier'),
    nonce: r.text('nonce'),
    returnTo: r.text('return_to'),
    createdAt: r.integer('created_at'),
    expiresAt: r.integer('expires_at'),
  };
  return state.expiresAt > now ? state : null;
}
