// The two contact operations: an organization's contacts come unpaged; their count has its own
// endpoint (docs/API-NOTES.md).
import { apiPath, request } from '../client.ts';
import type { OrganizationParams } from './organizations.ts';
import {
  countOrganizationContactsResponseSchema,
  listOrganizationContactsResponseSchema,
} from '../schemas.ts';
import type {
  CountOrganizationContactsResponse,
  ListOrganizationContactsResponse,
} from '../types.ts';

export type {
  Contact,
  ListOrganizationContactsResponse,
  CountOrganizationContactsResponse,
} from '../types.ts';

function contactsPath({ chatbotId, organizationId }: OrganizationParams, ...rest: string[]) {
  return apiPath('v1', 'chatbots', chatbotId, 'organizations', organizationId, 'contacts', ...rest);
}

export function listOrganizationContacts(
  params: OrganizationParams,
  signal?: AbortSignal,
): Promise<ListOrganizationContactsResponse> {
  return request({
    operation: 'listOrganizationContacts',
    path: contactsPath(params),
    schema: listOrganizationContactsResponseSchema,
    signal,
  });
}

export function countOrganizationContacts(
  params: OrganizationParams,
  signal?: AbortSignal,
): Promise<CountOrganizationContactsResponse> {
  return request({
    operation: 'countOrganizationContacts',
    path: contactsPath(params, 'count'),
    schema: countOrganizationContactsResponseSchema,
    signal,
  });
}
