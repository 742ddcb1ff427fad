// The finding queue's keys, listened for on the whole window (lib/cleanup/queueKeys.ts says what
// each does).
import { useEffect } from 'react';
import { queueKeyAction, type QueueKeyAction } from '../../lib/cleanup/queueKeys.ts';

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function useQueueKeys(
  onAction: (action: QueueKeyAction) => void,
  { canSelect, canMerge }: { canSelect: boolean; canMerge: boolean },
): void {
  // Added again on every render: the handler reads the render's state.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = isTyping(event.target);
      const action = queueKeyAction(event, { typing, canSelect, canMerge });
      if (action === null) return;
      onAction(action);
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}
