import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import { organizationsPath } from '../../routes.ts';
import { consoleConfigQuery } from '../../hooks/queries/organizationQueries.ts';

/** `/`: opens the organizations of the chatbot the console server names as its default. */
export function DefaultChatbotRedirect() {
  const config = useQuery(consoleConfigQuery());
  if (config.data) return <Navigate to={organizationsPath(config.data.defaultChatbotId)} replace />;
  if (config.isError) {
    return (
      <Alert
        color="red"
        variant="light"
        maw={640}
        title="Couldn’t load the console’s settings"
        icon={<IconAlertTriangle aria-hidden="true" />}
      >
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{config.error.message}</Text>
          <Button size="xs" onClick={() => void config.refetch()}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }
  return <Loader size="sm" role="progressbar" aria-label="Loading the console’s settings" />;
}
