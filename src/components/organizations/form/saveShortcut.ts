import { useEffect, type RefObject } from 'react';

const isApplePlatform = () =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Ctrl+S", or "⌘S" on a Mac. */
export function saveShortcut(): string {
  return isApplePlatform() ? '⌘S' : 'Ctrl+S';
}

/**
 * Ctrl+S / ⌘S (and Ctrl+Enter) inside the form submit it, wherever the focus is in it: Save is
 * in the sticky bar, but a long form is many Tab presses from it.
 */
export function useSaveShortcut(form: RefObject<HTMLFormElement | null>, enabled: boolean): void {
  useEffect(() => {
    const element = form.current;
    if (element === null) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod || event.altKey || (event.key.toLowerCase() !== 's' && event.key !== 'Enter')) {
        return;
      }
      event.preventDefault();
      if (enabled) element.requestSubmit();
    };
    element.addEventListener('keydown', onKeyDown);
    return () => element.removeEventListener('keydown', onKeyDown);
  }, [form, enabled]);
}
