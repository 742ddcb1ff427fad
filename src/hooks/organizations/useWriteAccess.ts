// Which writes this person may make, so write controls are disabled with the reason before anyone
// clicks them. GET /console/session says it in one call: the role's operations, and the console
// key's when the server knows them (the sandbox's keys). A real ChatCaptain key's permissions
// cannot be asked, so a 403 a write meets there is recorded here and disables that control from
// then on; a 403 naming a role means the role changed since the session was read: read it again.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { isApiError, type ApiError } from '../../api/client.ts';
import {
  keyDenialReason,
  writeDenials,
  WRITE_OPERATIONS,
  type WriteDenials,
  type WriteOperation,
} from '../../lib/session/access.ts';
import { consoleQueries } from '../queries/consoleQueries.ts';
import { useConsoleSession } from '../session/useConsoleSession.ts';

export type { WriteDenials, WriteOperation };

/** The writes refused to this person for this chatbot (empty while unknown). */
export function useWriteAccess(chatbotId: string): WriteDenials {
  const { session } = useConsoleSession();
  const learned = useQuery({
    queryKey: consoleQueries.writeDenials(chatbotId),
    queryFn: () => ({}) as WriteDenials,
    enabled: false,
    initialData: {},
  }).data;
  return useMemo(() => writeDenials(session, learned), [session, learned]);
}

/** Records a 403 a write met, so its control is disabled with the reason from now on. */
export function recordWriteDenied(
  queryClient: QueryClient,
  chatbotId: string,
  error: unknown,
): error is ApiError {
  if (!isApiError(error) || error.status !== 403) return false;
  const operation = error.operation;
  if (!(WRITE_OPERATIONS as readonly string[]).includes(operation)) return false;
  if (error.serverMessage !== undefined && /\brole\b/.test(error.serverMessage)) {
    // The console's role check refused it: the session's role is out of date.
    void queryClient.invalidateQueries({ queryKey: consoleQueries.session().queryKey });
    return true;
  }
  queryClient.setQueryData<WriteDenials>(consoleQueries.writeDenials(chatbotId), (denials) => ({
    ...denials,
    [operation]: keyDenialReason(operation as WriteOperation),
  }));
  return true;
}
