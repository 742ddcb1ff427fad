// Which writes the API key may make, so write controls can be disabled with the reason before
// anyone clicks them (a read-only key). The API has no "my permissions" operation, so the
// console asks in ways that change nothing: an update and a delete of an organization id that
// does not exist (404 when allowed, 403 when not: permissions are checked before the record
// is looked up), and — against the sandbox only — a create without the required `name`
// (400 when allowed, 403 when not). Against the real API, create is not probed (a lax server
// could store an empty record): it is learned from the first 403 instead. Any 403 a write
// meets later is recorded here too.
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { isApiError, type ApiError } from '../api/client.ts';
import { getConsoleConfig } from '../api/consoleConfig.ts';
import {
  createOrganization,
  deleteOrganization,
  updateOrganization,
  type CreateOrganizationBody,
} from '../api/organizations.ts';
import { permissionForOperation, permissionLabel } from '../api/permissions.ts';

export type WriteOperation = 'createOrganization' | 'updateOrganization' | 'deleteOrganization';

/** Per operation: why it is not allowed (plain words), when it is known not to be. */
export type WriteDenials = Partial<Record<WriteOperation, string>>;

/** An id no organization has: the probes must never touch a real record. */
const PROBE_ORGANIZATION_ID = 'console-permission-probe-no-such-organization';

export function writeAccessKey(chatbotId: string) {
  return ['organizations', chatbotId, 'write-access'] as const;
}

/** "This API key may not edit organizations (permission chatbots.organizations.edit)." */
export function denialReason(operation: WriteOperation): string {
  const permission = permissionForOperation(operation);
  if (permission === undefined) return 'This API key may not do this.';
  return `This API key may not ${permissionLabel(permission)} (it lacks the permission “${permission}”).`;
}

async function isDenied(attempt: () => Promise<unknown>): Promise<boolean> {
  try {
    await attempt();
    return false;
  } catch (error) {
    return isApiError(error) && error.status === 403;
  }
}

async function probeWriteAccess(chatbotId: string, signal: AbortSignal): Promise<WriteDenials> {
  const target = { chatbotId, organizationId: PROBE_ORGANIZATION_ID };
  const config = await getConsoleConfig(signal).catch(() => undefined);
  const [edit, remove, create] = await Promise.all([
    isDenied(() => updateOrganization({ ...target, organization: { variables: {} } }, signal)),
    isDenied(() => deleteOrganization(target, signal)),
    config?.mode === 'sandbox'
      ? // Deliberately invalid (no name): the sandbox refuses it with 400 after the permission check.
        isDenied(() =>
          createOrganization({ chatbotId, body: {} as CreateOrganizationBody }, signal),
        )
      : Promise.resolve(false),
  ]);
  const denials: WriteDenials = {};
  if (edit) denials.updateOrganization = denialReason('updateOrganization');
  if (remove) denials.deleteOrganization = denialReason('deleteOrganization');
  if (create) denials.createOrganization = denialReason('createOrganization');
  return denials;
}

/** The writes known to be refused for this chatbot's key (empty while unknown). */
export function useWriteAccess(chatbotId: string): WriteDenials {
  const query = useQuery({
    queryKey: writeAccessKey(chatbotId),
    queryFn: ({ signal }) => probeWriteAccess(chatbotId, signal),
    staleTime: Infinity,
    retry: false,
    meta: { refreshLabel: 'the API key’s permissions' },
  });
  return query.data ?? {};
}

/** Records a 403 a write met, so its control is disabled with the reason from now on. */
export function recordWriteDenied(
  queryClient: QueryClient,
  chatbotId: string,
  error: unknown,
): error is ApiError {
  if (!isApiError(error) || error.status !== 403) return false;
  const operation = error.operation;
  if (
    operation !== 'createOrganization' &&
    operation !== 'updateOrganization' &&
    operation !== 'deleteOrganization'
  ) {
    return false;
  }
  queryClient.setQueryData<WriteDenials>(writeAccessKey(chatbotId), (denials) => ({
    ...denials,
    [operation]: denialReason(operation),
  }));
  return true;
}

/** `recordWriteDenied` bound to the current client and chatbot. */
export function useRecordWriteDenied(chatbotId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    (error: unknown) => recordWriteDenied(queryClient, chatbotId, error),
    [queryClient, chatbotId],
  );
}
