import { Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '../../hooks/shell/useDocumentTitle.ts';
import { IconArrowLeft, IconHome } from '@tabler/icons-react';
import { Link, useLocation, useNavigate } from 'react-router';
import { displayText } from '../../lib/shared/displayText.ts';
import { useFocusOnArrival } from '../../components/shell/useFocusOnArrival.ts';

/** Unknown routes: what was asked for, and two ways back. */
export function NotFoundPage() {
  const location = useLocation();
  const navigate = useNavigate();
  useDocumentTitle('Page not found · Organizations Console');
  const headingRef = useFocusOnArrival<HTMLHeadingElement>();
  // `idx` is React Router's position in the history stack: 0 means nothing to go back to here.
  const canGoBack = ((window.history.state as { idx?: number } | null)?.idx ?? 0) > 0;
  return (
    <Stack align="flex-start" gap="md" maw={640} mt="xl">
      <Title order={1} ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
        Page not found
      </Title>
      <Text>
        There is no page at{' '}
        <Code>
          <bdi>{displayText(decodeSafely(location.pathname))}</bdi>
        </Code>
        . It may have moved, or the link may be mistyped.
      </Text>
      <Group gap="sm">
        <Button component={Link} to="/" leftSection={<IconHome size={16} aria-hidden="true" />}>
          Go to organizations
        </Button>
        {canGoBack && (
          <Button
            variant="default"
            onClick={() => void navigate(-1)}
            leftSection={<IconArrowLeft size={16} aria-hidden="true" />}
          >
            Go back
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function decodeSafely(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
