import { isApiError } from '../../api/client.ts';

/** What a failed save says: an outage in its own words, since nothing is lost by it. */
export function saveFailureText(error: unknown): string {
  if (isApiError(error) && error.kind === 'network') {
    return 'The console server could not be reached, so nothing was saved. Press Retry once it is back (the banner above says when).';
  }
  return isApiError(error) ? error.message : 'The organization could not be saved.';
}
