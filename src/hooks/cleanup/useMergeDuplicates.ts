// Applying a merge plan (src/lib/cleanup/mergePlan.ts) through the console's own write path: every
// record is read again first and, when any changed since the comparison was shown, nothing is
// written (the lost-update check); then the survivor is updated, and each other record is deleted
// only when the API's contacts operation says it has none now, else kept and marked `duplicateOf`.
// Each write is a /v1 call, checked against the role and written to the audit trail by the server.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { isApiError } from '../../api/client.ts';
import { listOrganizationContacts } from '../../api/organizations/contacts.ts';
import type { Organization } from '../../api/types.ts';
import { DUPLICATE_OF, type MergePlan } from '../../lib/cleanup/mergePlan.ts';
import { dataQualityQueries } from '../queries/dataQualityQueries.ts';
import {
  useDeleteOrganization,
  useFetchLatestOrganization,
  useUpdateOrganization,
} from '../organizations/useOrganizationMutations.ts';

export type OtherResult =
  | { id: string; name: string; kind: 'deleted' }
  | { id: string; name: string; kind: 'marked'; contacts: number; reason: 'contacts' | 'role' }
  | { id: string; name: string; kind: 'failed'; message: string };

export type MergeOutcome =
  | { kind: 'changed'; names: string[] }
  | { kind: 'failed'; message: string }
  | { kind: 'merged'; survivor: Organization; others: OtherResult[] };

const messageOf = (error: unknown, fallback: string) =>
  isApiError(error) ? error.message : fallback;

export function useMergeDuplicates(chatbotId: string) {
  const queryClient = useQueryClient();
  const update = useUpdateOrganization(chatbotId);
  const remove = useDeleteOrganization(chatbotId);
  const fetchLatest = useFetchLatestOrganization(chatbotId);
  const [applying, setApplying] = useState(false);

  const apply = useCallback(
    async (plan: MergePlan): Promise<MergeOutcome> => {
      setApplying(true);
      try {
        const shown = [plan.survivor, ...plan.others.map((other) => other.record)];
        let latest: (Organization | undefined)[];
        try {
          latest = await Promise.all(shown.map((record) => fetchLatest(record.id)));
        } catch (error) {
          return { kind: 'failed', message: messageOf(error, 'The records could not be read.') };
        }
        const changed = shown.filter((record, i) => latest[i]?.updated !== record.updated);
        if (changed.length > 0) {
          return { kind: 'changed', names: changed.map((record) => record.name) };
        }
        let survivor = plan.survivor;
        if (plan.update !== null) {
          try {
            const response = await update.mutateAsync({
              current: survivor,
              organization: plan.update,
            });
            if (response.organization === undefined) {
              return { kind: 'failed', message: response.error ?? 'The API saved nothing.' };
            }
            survivor = response.organization;
          } catch (error) {
            return {
              kind: 'failed',
              message: messageOf(error, 'The record that stays could not be saved.'),
            };
          }
        }
        const others: OtherResult[] = [];
        for (const other of plan.others) {
          const { id, name } = other.record;
          try {
            // Asked again now: a contact may have been linked since the preview.
            const contacts = (await listOrganizationContacts({ chatbotId, organizationId: id }))
              .contacts.length;
            if (other.kind === 'delete' && contacts === 0) {
              await remove.mutateAsync(id);
              others.push({ id, name, kind: 'deleted' });
              continue;
            }
            const response = await update.mutateAsync({
              current: other.record,
              organization: {
                variables: { ...other.record.variables, [DUPLICATE_OF]: survivor.id },
              },
            });
            if (response.organization === undefined) {
              throw new Error(response.error ?? 'The API saved nothing.');
            }
            others.push({
              id,
              name,
              kind: 'marked',
              contacts,
              reason: contacts > 0 ? 'contacts' : 'role',
            });
          } catch (error) {
            const message =
              error instanceof Error && !isApiError(error)
                ? error.message
                : messageOf(error, 'It could not be changed.');
            others.push({ id, name, kind: 'failed', message });
          }
        }
        return { kind: 'merged', survivor, others };
      } finally {
        setApplying(false);
        await queryClient.invalidateQueries({
          queryKey: dataQualityQueries.dataQualities(chatbotId),
        });
      }
    },
    [chatbotId, fetchLatest, queryClient, remove, update],
  );
  return { apply, applying };
}
