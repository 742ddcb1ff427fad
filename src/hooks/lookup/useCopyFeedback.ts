// Copying a value in the lookup and saying how it went: the key of what was copied (its button
// shows a tick) and a message read out, both cleared after two seconds; a refusal is shown too.
import { useCallback, useEffect, useState } from 'react';
import { copyText } from '../../lib/shared/copyText.ts';

export interface CopyFeedback {
  /** `key` is what was copied (`id:what`), '' when nothing was (the message says why). */
  copied: { key: string; message: string } | null;
  copy: (key: string, what: string, value: string) => Promise<void>;
  /** Says why nothing was copied. */
  refuse: (message: string) => void;
}

export function useCopyFeedback(): CopyFeedback {
  const [copied, setCopied] = useState<CopyFeedback['copied']>(null);
  const copy = useCallback(async (key: string, what: string, value: string) => {
    const done = await copyText(value);
    setCopied({
      key: done ? key : '',
      message: done
        ? `Copied the ${what}.`
        : `Couldn't copy the ${what}: the browser refused. Select it and press Ctrl+C.`,
    });
  }, []);
  const refuse = useCallback((message: string) => setCopied({ key: '', message }), []);
  useEffect(() => {
    if (copied === null) return;
    const timer = window.setTimeout(() => setCopied(null), 2_000);
    return () => window.clearTimeout(timer);
  }, [copied]);
  return { copied, copy, refuse };
}
