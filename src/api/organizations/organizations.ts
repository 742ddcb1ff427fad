// The six organization operations of the contract (the table in docs/API-NOTES.md), one function
// each. Each returns the whole checked response body, so a 200 that carries `error` reaches the
// screen.
import { apiPath, request, type ApiTransport } from '../client.ts';
import {
  deleteOrganizationResponseSchema,
  listOrganizationsResponseSchema,
  organizationResponseSchema,
  searchOrganizationsResponseSchema,
} from '../schemas.ts';
import type {
  CreateOrganizationBody,
  DeleteOrganizationResponse,
  ListOrganizationsResponse,
  OrganizationResponse,
  SearchOrganizationsResponse,
  UpdateOrganizationBody,
  UpdateOrganizationRequest,
} from '../types.ts';

export type * from '../types.ts';

function organizationsPath(chatbotId: string, ...rest: string[]): string {
  return apiPath('v1', 'chatbots', chatbotId, 'organizations', ...rest);
}

export interface ListOrganizationsParams {
  chatbotId: string;
  /** Only organizations created before this timestamp (the list is newest first). */
  pageToken?: string;
  limit?: number;
}

export function listOrganizations(
  { chatbotId, pageToken, limit }: ListOrganizationsParams,
  signal?: AbortSignal,
  transport?: ApiTransport,
): Promise<ListOrganizationsResponse> {
  return request({
    operation: 'listOrganizations',
    path: organizationsPath(chatbotId),
    query: { pageToken, limit },
    schema: listOrganizationsResponseSchema,
    signal,
    transport,
  });
}

export interface CreateOrganizationParams {
  chatbotId: string;
  /** Flat, unlike update's body. */
  body: CreateOrganizationBody;
}

export function createOrganization(
  { chatbotId, body }: CreateOrganizationParams,
  signal?: AbortSignal,
): Promise<OrganizationResponse> {
  return request({
    operation: 'createOrganization',
    method: 'POST',
    path: organizationsPath(chatbotId),
    body,
    schema: organizationResponseSchema,
    signal,
  });
}

export interface SearchOrganizationsParams {
  chatbotId: string;
  query: string;
  /** Starts at 1. */
  page: number;
  /** Results per page, at most 250. */
  pageSize: number;
  /** Organization ids to leave out of the results (sent comma-separated). */
  hiddenHits?: string | readonly string[];
}

export function searchOrganizations(
  { chatbotId, query, page, pageSize, hiddenHits }: SearchOrganizationsParams,
  signal?: AbortSignal,
  transport?: ApiTransport,
): Promise<SearchOrganizationsResponse> {
  const hidden = typeof hiddenHits === 'string' ? hiddenHits : hiddenHits?.join(',');
  return request({
    operation: 'searchOrganizations',
    path: organizationsPath(chatbotId, 'search'),
    query: { query, page, pageSize, hiddenHits: hidden === '' ? undefined : hidden },
    schema: searchOrganizationsResponseSchema,
    signal,
    transport,
  });
}

export interface OrganizationParams {
  chatbotId: string;
  organizationId: string;
}

export function getOrganization(
  { chatbotId, organizationId }: OrganizationParams,
  signal?: AbortSignal,
  transport?: ApiTransport,
): Promise<OrganizationResponse> {
  return request({
    operation: 'getOrganization',
    path: organizationsPath(chatbotId, organizationId),
    schema: organizationResponseSchema,
    signal,
    transport,
  });
}

export interface UpdateOrganizationParams extends OrganizationParams {
  /** The fields to change; `variables` is required and replaces the stored map (docs/API-NOTES.md).
   * */
  organization: UpdateOrganizationBody;
}

export function updateOrganization(
  { chatbotId, organizationId, organization }: UpdateOrganizationParams,
  signal?: AbortSignal,
): Promise<OrganizationResponse> {
  const body: UpdateOrganizationRequest = { organization };
  return request({
    operation: 'updateOrganization',
    method: 'PATCH',
    path: organizationsPath(chatbotId, organizationId),
    body,
    schema: organizationResponseSchema,
    signal,
  });
}

export function deleteOrganization(
  { chatbotId, organizationId }: OrganizationParams,
  signal?: AbortSignal,
): Promise<DeleteOrganizationResponse> {
  return request({
    operation: 'deleteOrganization',
    method: 'DELETE',
    path: organizationsPath(chatbotId, organizationId),
    schema: deleteOrganizationResponseSchema,
    signal,
  });
}
