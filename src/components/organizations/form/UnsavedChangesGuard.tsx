import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useNavigationBlocker } from '../../../hooks/useNavigationBlocker.ts';

interface UnsavedChangesGuardProps {
  /** Read at the moment of leaving, so a page can allow a navigation it starts on purpose. */
  shouldBlock: () => boolean;
}

/**
 * Asks before unsaved changes are lost: on any in-app navigation that changes the path (links,
 * back and forward, switching tabs) through useNavigationBlocker, and on closing or reloading
 * the browser tab through `beforeunload` (where the browser shows its own question).
 */
export function UnsavedChangesGuard({ shouldBlock }: UnsavedChangesGuardProps) {
  const blocker = useNavigationBlocker(shouldBlock);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!shouldBlock()) return;
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [shouldBlock]);

  return (
    <Modal
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title="Discard unsaved changes?"
      centered
    >
      <Text size="sm">You have changes that are not saved. Leaving this page discards them.</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          Stay and keep editing
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          Discard changes and leave
        </Button>
      </Group>
    </Modal>
  );
}
