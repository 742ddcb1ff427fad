// Saving a finding's field from the queue through the same update as the organization page: the
// record is read again first, and when someone changed it since the queue showed it, nothing is
// written and the caller gets the newer version to look at (the lost-update check); a save
// updates every cached list and search (useUpdateOrganization) and the server updates the
// record's findings at once, so the overview and the queue are fetched again.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { isApiError } from '../../api/client.ts';
import type { Organization } from '../../api/types.ts';
import { fieldUpdate } from '../../lib/cleanup/findingFields.ts';
import { dataQualityQueries } from '../queries/dataQualityQueries.ts';
import {
  useFetchLatestOrganization,
  useUpdateOrganization,
} from '../organizations/useOrganizationMutations.ts';

export type FixOutcome =
  | { kind: 'saved'; organization: Organization }
  | { kind: 'invalid'; problem: string }
  | { kind: 'conflict'; latest: Organization }
  | { kind: 'failed'; message: string };

export function useFixFinding(chatbotId: string) {
  const queryClient = useQueryClient();
  const update = useUpdateOrganization(chatbotId);
  const fetchLatest = useFetchLatestOrganization(chatbotId);
  const [saving, setSaving] = useState(false);

  const save = useCallback(
    async (
      baseline: Organization,
      field: string,
      text: string,
      options: { overwrite?: boolean } = {},
    ): Promise<FixOutcome> => {
      const checked = fieldUpdate(baseline, field, text);
      if (!checked.ok) return { kind: 'invalid', problem: checked.problem };
      setSaving(true);
      try {
        const latest = (await fetchLatest(baseline.id)) ?? baseline;
        if (latest.updated !== baseline.updated && options.overwrite !== true) {
          return { kind: 'conflict', latest };
        }
        // Built on the latest version: the address and variables sent whole are theirs.
        const body = fieldUpdate(latest, field, text);
        if (!body.ok) return { kind: 'invalid', problem: body.problem };
        const response = await update.mutateAsync({ current: latest, organization: body.body });
        await queryClient.invalidateQueries({
          queryKey: dataQualityQueries.dataQualities(chatbotId),
        });
        if (response.organization === undefined) {
          return { kind: 'failed', message: response.error ?? 'The API saved nothing.' };
        }
        return { kind: 'saved', organization: response.organization };
      } catch (error) {
        return {
          kind: 'failed',
          message: isApiError(error) ? error.message : 'The organization could not be saved.',
        };
      } finally {
        setSaving(false);
      }
    },
    [chatbotId, fetchLatest, queryClient, update],
  );
  return { save, saving };
}
