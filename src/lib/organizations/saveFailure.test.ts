import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { saveFailureText } from './saveFailure.ts';

describe('saveFailureText', () => {
  it('says an outage lost nothing and when to retry', () => {
    const error = new ApiError({
      kind: 'network',
      operation: 'updateOrganization',
      reason: 'The server could not be reached.',
    });
    expect(saveFailureText(error)).toMatch(
      /could not be reached, so nothing was saved\. Press Retry/,
    );
  });

  it('passes on what the API said, and says something plain for anything else', () => {
    const error = new ApiError({
      kind: 'http',
      status: 409,
      operation: 'updateOrganization',
      reason: 'The organization was changed elsewhere.',
    });
    expect(saveFailureText(error)).toBe(error.message);
    expect(saveFailureText(new Error('boom'))).toBe('The organization could not be saved.');
  });
});
