import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useNavigationBlocker } from '../../../hooks/shell/useNavigationBlocker.ts';
import { isLeavingForSignIn } from '../../../lib/session/leavingForSignIn.ts';

interface UnsavedChangesGuardProps {
  /**
   * Read at the moment of leaving, with the path about to be shown: a page can allow a navigation
   * it starts on purpose, or one to a place where its edits are kept.
   */
  shouldBlock: (nextPathname: string) => boolean;
  /** Whether closing or reloading the browser tab asks first (the form is on screen, unsaved). */
  shouldWarnOnUnload: () => boolean;
  /** "Discard changes and leave": the kept draft goes too. */
  onDiscard: () => void;
}

/**
 * Asks before leaving unsaved changes: on any in-app navigation that `shouldBlock` holds (links,
 * back and forward) through useNavigationBlocker, and on closing or reloading the browser tab
 * through `beforeunload` (where the browser shows its own question). The changes are kept as a
 * draft in the browser, so leaving can keep them for later as well as discard them.
 */
export function UnsavedChangesGuard({
  shouldBlock,
  shouldWarnOnUnload,
  onDiscard,
}: UnsavedChangesGuardProps) {
  const blocker = useNavigationBlocker(shouldBlock);
  const blocked = blocker.state === 'blocked';
  // The question is mounted from the first blocked navigation on (then kept, so it can animate
  // out): a closed Mantine modal gives its id a new value after mounting, and that update
  // rendered the whole organization page a second time before its first paint (`npm run bench`).
  const [questionMounted, setQuestionMounted] = useState(false);
  if (blocked && !questionMounted) setQuestionMounted(true);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      // Sent to sign-in (the session ended): the draft is kept, and the way back restores it.
      if (isLeavingForSignIn() || !shouldWarnOnUnload()) return;
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [shouldWarnOnUnload]);

  if (!questionMounted) return null;
  return (
    <Modal
      opened={blocked}
      onClose={() => blocker.reset?.()}
      title="Leave with unsaved changes?"
      size="lg"
      centered
    >
      <Text size="sm">
        You have changes that are not saved. They are kept in this browser as a draft, offered again
        when you come back, unless you discard them now.
      </Text>
      <Group justify="flex-end" mt="lg" gap="xs">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          Stay and keep editing
        </Button>
        <Button variant="default" onClick={() => blocker.proceed?.()}>
          Keep the draft and leave
        </Button>
        <Button
          color="red"
          onClick={() => {
            onDiscard();
            blocker.proceed?.();
          }}
        >
          Discard changes and leave
        </Button>
      </Group>
    </Modal>
  );
}
