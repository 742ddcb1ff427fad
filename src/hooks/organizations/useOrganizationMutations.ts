// Create, update and delete of an organization, with every cache that shows it kept in step
// (the updates themselves: queries/organizationCache.ts). Update is optimistic: the caches show
// the change at once and are rolled back, with a notification, when the request fails.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { isApiError } from '../../api/client.ts';
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  updateOrganization,
  type CreateOrganizationBody,
  type Organization,
  type OrganizationResponse,
  type UpdateOrganizationBody,
} from '../../api/organizations/organizations.ts';
import { organizationWithLocalUpdate } from '../../lib/organizations/organizationForm.ts';
import {
  addCreatedOrganization,
  markSearchesStale,
  removeDeletedOrganization,
  replaceCachedOrganization,
  restoreOrganizationCaches,
  setCachedDetail,
  snapshotOrganizationCaches,
} from '../queries/organizationCache.ts';
import { recordWriteDenied } from './useWriteAccess.ts';
import { showToast } from '../shell/useToasts.ts';

export interface UpdateOrganizationVariables {
  /** The organization as the caches hold it now (the base of the optimistic change). */
  current: Organization;
  organization: UpdateOrganizationBody;
}

/**
 * PATCH with optimistic caches. The caller keeps the form as typed whatever happens; on failure
 * the caches return to what they held and a notification says the change was rolled back.
 */
export function useUpdateOrganization(chatbotId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ current, organization }: UpdateOrganizationVariables) =>
      updateOrganization({ chatbotId, organizationId: current.id, organization }),
    onMutate: async ({ current, organization }) => {
      const snapshot = await snapshotOrganizationCaches(queryClient, chatbotId, current.id);
      replaceCachedOrganization(
        queryClient,
        chatbotId,
        organizationWithLocalUpdate(current, organization),
      );
      return { snapshot };
    },
    onError: (error, _variables, context) => {
      if (context) restoreOrganizationCaches(queryClient, context.snapshot);
      recordWriteDenied(queryClient, chatbotId, error);
      showToast({
        color: 'red',
        title: 'Changes not saved',
        message: `${isApiError(error) ? error.message : 'The organization could not be saved.'} The page shows the saved version again; your input is kept in the form.`,
      });
    },
    onSuccess: (response) => {
      if (response.organization) {
        replaceCachedOrganization(queryClient, chatbotId, response.organization);
      }
    },
    onSettled: () => markSearchesStale(queryClient, chatbotId),
  });
}

/**
 * The organization as the server has it now (for the lost-update check before saving). Asked
 * directly, not through the detail query: that query pauses while the server cannot be reached,
 * and a save must fail at once then (its form offers Retry) rather than wait unseen.
 */
export function useFetchLatestOrganization(chatbotId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    async (organizationId: string) => {
      const response = await getOrganization({ chatbotId, organizationId });
      setCachedDetail(queryClient, chatbotId, response);
      return response.organization;
    },
    [queryClient, chatbotId],
  );
}

export interface CreateOrganizationVariables {
  body: CreateOrganizationBody;
  /** Create takes no variables (docs/API-NOTES.md): they are set by an update right after. */
  variables: Record<string, string>;
}

export interface CreateOrganizationResult {
  /** The create's answer, or the update's when the variables were set. */
  response: OrganizationResponse;
  /** The organization was created, but setting its variables failed with this. */
  variablesError?: unknown;
}

async function createWithVariables(
  chatbotId: string,
  { body, variables }: CreateOrganizationVariables,
): Promise<CreateOrganizationResult> {
  const response = await createOrganization({ chatbotId, body });
  const created = response.organization;
  if (!created || Object.keys(variables).length === 0) return { response };
  try {
    const updated = await updateOrganization({
      chatbotId,
      organizationId: created.id,
      organization: { variables },
    });
    return { response: updated.organization ? updated : response };
  } catch (variablesError) {
    return { response, variablesError };
  }
}

/**
 * POST (then PATCH for the variables); the new organization goes to the top of the cached list
 * and into the detail cache.
 */
export function useCreateOrganization(chatbotId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: CreateOrganizationVariables) =>
      createWithVariables(chatbotId, variables),
    onError: (error) => recordWriteDenied(queryClient, chatbotId, error),
    onSuccess: ({ response, variablesError }) => {
      if (variablesError !== undefined) recordWriteDenied(queryClient, chatbotId, variablesError);
      addCreatedOrganization(queryClient, chatbotId, response);
    },
  });
}

/** DELETE; on success the organization leaves every cached list page and search. */
export function useDeleteOrganization(chatbotId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organizationId: string) => deleteOrganization({ chatbotId, organizationId }),
    onError: (error) => recordWriteDenied(queryClient, chatbotId, error),
    onSuccess: (_response, organizationId) =>
      removeDeletedOrganization(queryClient, chatbotId, organizationId),
  });
}
