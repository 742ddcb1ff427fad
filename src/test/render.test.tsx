// The render helper gives a test what the app gives a screen: router params, Mantine, and a
// QueryClient that fails at once instead of retrying.
import { Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { useParams } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { renderWithProviders } from './render.tsx';

function OrganizationIdButton() {
  const { organizationId } = useParams();
  return <Button>Open {organizationId}</Button>;
}

describe('renderWithProviders', () => {
  it('routes the given URL through the given pattern, inside Mantine', () => {
    renderWithProviders(<OrganizationIdButton />, {
      route: '/organizations/org%2F1',
      path: '/organizations/:organizationId',
    });
    expect(screen.getByRole('button', { name: 'Open org/1' })).toBeInTheDocument();
  });

  it('shows a query failure on the first attempt (no retries in tests)', async () => {
    let attempts = 0;
    function Failing() {
      const query = useQuery({
        queryKey: ['render-test'],
        queryFn: () => {
          attempts++;
          // A 503 would be retried three times by the console's own client.
          throw new ApiError({
            kind: 'http',
            status: 503,
            operation: 'listOrganizations',
            reason: 'Down.',
          });
        },
      });
      return <p>{query.isError ? 'failed' : 'loading'}</p>;
    }
    renderWithProviders(<Failing />);
    expect(await screen.findByText('failed')).toBeInTheDocument();
    expect(attempts).toBe(1);
  });
});
