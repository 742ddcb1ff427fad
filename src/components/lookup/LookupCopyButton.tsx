import { IconCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import classes from './Lookup.module.css';

interface LookupCopyButtonProps {
  /** What is copied, for the label: "e-mail", "website", "id", "phone". */
  what: string;
  /** Whose: the organization's or contact's name. */
  of: string;
  icon: ReactNode;
  copied: boolean;
  onCopy: () => void;
}

/** One copy button: an icon, labelled for screen readers and as a tooltip; a check once copied. */
export function LookupCopyButton({ what, of, icon, copied, onCopy }: LookupCopyButtonProps) {
  const label = `Copy ${what} of ${of}`;
  return (
    <button
      type="button"
      className={classes.iconButton}
      data-copied={copied || undefined}
      onClick={onCopy}
      aria-label={label}
      title={copied ? `Copied ${what}` : label}
    >
      {copied ? <IconCheck size={16} aria-hidden="true" /> : icon}
    </button>
  );
}
