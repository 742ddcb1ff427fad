import { Alert, Anchor, Button, Loader, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { OrganizationNotFound } from '../../components/organizations/detail/OrganizationNotFound.tsx';
import { WaitingForServer } from '../../components/organizations/detail/WaitingForServer.tsx';
import type { useOrganizationDetail } from '../../hooks/organizations/useOrganizationDetail.ts';

interface OrganizationUnavailableProps {
  detail: ReturnType<typeof useOrganizationDetail>;
  listPath: string;
}

/**
 * The organization page before it has the organization: loading, waiting for the server to come
 * back, not found, or why it could not be loaded with "Try again".
 */
export function OrganizationUnavailable({ detail, listPath }: OrganizationUnavailableProps) {
  if (detail.isPending) {
    return detail.fetchStatus === 'paused' ? (
      <WaitingForServer listPath={listPath} />
    ) : (
      <Stack align="center" py="xl">
        <Loader role="progressbar" aria-label="Loading the organization" />
      </Stack>
    );
  }
  const error = detail.error;
  if (!error || (isApiError(error) && error.status === 404)) {
    return <OrganizationNotFound listPath={listPath} />;
  }
  return (
    <Stack gap="md" py="md" align="flex-start">
      <Alert color="red" title="The organization could not be loaded" role="alert">
        {error.message}
      </Alert>
      <Button onClick={() => void detail.refetch()}>Try again</Button>
      <Anchor component={Link} to={listPath}>
        Back to organizations
      </Anchor>
    </Stack>
  );
}
