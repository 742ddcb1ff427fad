// A signed-in person's pinned organizations, kept by the console server (server/pins/): listed,
// pinned (added at the end) and unpinned, each answering the whole list in its new order.
import { apiPath, request } from '../client.ts';
import { pinsSchema } from '../schemas.ts';

export function listPins(chatbotId: string, signal?: AbortSignal): Promise<string[]> {
  return pinsRequest('listPins', 'GET', apiPath('console', 'pins', chatbotId), signal);
}

export function pinOrganization(chatbotId: string, organizationId: string): Promise<string[]> {
  return pinsRequest(
    'pinOrganization',
    'PUT',
    apiPath('console', 'pins', chatbotId, organizationId),
  );
}

export function unpinOrganization(chatbotId: string, organizationId: string): Promise<string[]> {
  return pinsRequest(
    'unpinOrganization',
    'DELETE',
    apiPath('console', 'pins', chatbotId, organizationId),
  );
}

async function pinsRequest(
  operation: 'listPins' | 'pinOrganization' | 'unpinOrganization',
  method: 'GET' | 'PUT' | 'DELETE',
  path: string,
  signal?: AbortSignal,
): Promise<string[]> {
  const { pins } = await request({ operation, method, path, schema: pinsSchema, signal });
  return pins;
}
