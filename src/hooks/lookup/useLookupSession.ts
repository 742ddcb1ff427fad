// What the lookup page needs of the session: whether the person must sign in first, and where
// their pins are kept (in this browser in local mode, on the server when signed in).
import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/client.ts';
import { consoleQueries } from '../queries/consoleQueries.ts';
import type { PinsHome } from './usePinnedOrganizations.ts';

export interface LookupSession {
  signInNeeded: boolean;
  /** 'unknown' until the session is read: pins cannot be changed meanwhile. */
  pinsHome: PinsHome;
}

export function useLookupSession(): LookupSession {
  const session = useQuery(consoleQueries.session());
  const signInNeeded = session.isError && isApiError(session.error) && session.error.signInRequired;
  const pinsHome: PinsHome =
    session.data === undefined ? 'unknown' : session.data.mode === 'local' ? 'browser' : 'server';
  return { signInNeeded, pinsHome };
}
