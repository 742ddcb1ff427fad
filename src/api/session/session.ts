// The console server's sign-in routes as the browser uses them: who is signed in, with which role
// and which operations (GET /console/session), and sign-out (POST /console/sign-out).
import { apiPath, request } from '../client.ts';
import { consoleSessionSchema, signOutSchema } from '../schemas.ts';
import type { Infer } from '../validate.ts';

export type ConsoleSession = Infer<typeof consoleSessionSchema>;
export type ConsoleRole = NonNullable<ConsoleSession['role']>;
export type SessionOperation = ConsoleSession['operations'][number];

export function getConsoleSession(signal?: AbortSignal): Promise<ConsoleSession> {
  return request({
    operation: 'getConsoleSession',
    path: apiPath('console', 'session'),
    schema: consoleSessionSchema,
    signal,
  });
}

/** Ends the session at the console; the answer says where to go next (the provider's logout). */
export function signOut(): Promise<{ redirectTo: string }> {
  return request({
    operation: 'signOut',
    method: 'POST',
    path: apiPath('console', 'sign-out'),
    schema: signOutSchema,
  });
}

/** Sign-in that comes back to `returnTo` (a path on the console). */
export function signInHref(returnTo: string): string {
  return `/console/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
}
