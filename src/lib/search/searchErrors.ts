// What a search's answer or failure says, for the search hooks and the pages that show it.
import { isApiError } from '../../api/client.ts';
import type {
  SearchOrganizationsResponse,
  SearchResult,
} from '../../api/organizations/organizations.ts';

/** Why a search failed, in a person's words (an ApiError's reason names no operation). */
export function errorReason(error: Error): string {
  return isApiError(error) ? error.reason : error.message;
}

/** The results of a 200 response, or its `error` thrown when it carries none. */
export function resultsOf(response: SearchOrganizationsResponse): SearchResult {
  if (response.results === null) {
    throw new Error(response.error ?? 'The server answered without results.');
  }
  return response.results;
}
