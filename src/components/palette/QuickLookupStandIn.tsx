import { IconSearch } from '@tabler/icons-react';
import { useId, useLayoutEffect, useRef } from 'react';
import { quickLookup, type QuickLookupDraft, type QuickLookupStore } from './quickLookupStore.ts';
import classes from './QuickLookupStandIn.module.css';

function focusedElement(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/**
 * The quick lookup while the palette's code is still on its way: a native modal dialog with a
 * search field, open and focused in the same task as the shortcut, so every key typed goes into
 * it. It looks like the palette's top and has the same names. When the palette mounts, it takes
 * the text and caret (`takeDraft`) and this closes; Escape closes it before then.
 */
export function QuickLookupStandIn({
  failed,
  store = quickLookup,
}: {
  /** The palette's code could not be fetched. */
  failed: boolean;
  store?: QuickLookupStore;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const statusId = useId();

  // A layout effect: the dialog is modal and the field focused before the browser handles the
  // next key, so the keys typed right after the shortcut land here.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    const input = inputRef.current;
    if (dialog === null || input === null) return;
    const returnFocusTo = focusedElement();
    if (!dialog.open) dialog.showModal();
    input.focus();
    const take = (): QuickLookupDraft => {
      const draft: QuickLookupDraft = {
        text: input.value,
        selectionStart: input.selectionStart ?? input.value.length,
        selectionEnd: input.selectionEnd ?? input.value.length,
        selectionDirection: input.selectionDirection ?? 'none',
        returnFocusTo,
      };
      dialog.close();
      return draft;
    };
    const unregister = store.registerStandIn(take);
    return () => {
      unregister();
      if (dialog.open) dialog.close();
    };
  }, [store]);

  return (
    <dialog
      ref={dialogRef}
      className={classes.dialog}
      aria-labelledby={titleId}
      aria-describedby={statusId}
      data-quick-lookup-stand-in=""
      // Escape (the dialog's own cancel) closed it: the store follows. The event comes a task
      // after the close; a dialog open again by then (React's development double-mount closes
      // and reopens it) is still open for the user.
      onClose={(event) => {
        if (!event.currentTarget.open) store.closeStandIn();
      }}
    >
      <h2 id={titleId} className={classes.title}>
        Quick lookup of organizations
      </h2>
      <div className={classes.field}>
        <IconSearch size={18} aria-hidden="true" className={classes.icon} />
        <input
          ref={inputRef}
          type="text"
          className={classes.input}
          aria-label="Find an organization"
          placeholder="Find an organization by name, email, website…"
          autoComplete="off"
          spellCheck={false}
          // Nothing to open yet: Enter must not submit or close anything.
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.preventDefault();
          }}
        />
      </div>
      <p id={statusId} role="status" className={classes.status}>
        {failed
          ? 'The quick lookup could not be loaded. Check the connection, then close this (Esc) and open it again.'
          : 'Loading the quick lookup…'}
      </p>
    </dialog>
  );
}
