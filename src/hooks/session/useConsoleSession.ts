// The signed-in person, their role and what they may do (GET /console/session), for every page.
import { useQuery } from '@tanstack/react-query';
import type { ConsoleSession } from '../../api/session/session.ts';
import { consoleQueries } from '../queries/consoleQueries.ts';

export interface ConsoleSessionState {
  /** Undefined while loading or when it could not be loaded. */
  session: ConsoleSession | undefined;
  isPending: boolean;
}

export function useConsoleSession(): ConsoleSessionState {
  const query = useQuery(consoleQueries.session());
  return { session: query.data, isPending: query.isPending };
}
