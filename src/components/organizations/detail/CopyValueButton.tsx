import { ActionIcon } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useHoverTooltip } from './useHoverTooltip.tsx';

interface CopyValueButtonProps {
  value: string;
  /** What is copied, for the button's name: "Copy email". */
  what: string;
}

const TOOLTIP_LOOK = { withArrow: true };

export function CopyValueButton({ value, what }: CopyValueButtonProps) {
  const clipboard = useClipboard({ timeout: 1500 });
  const { copied } = clipboard;
  const hover = useHoverTooltip(copied ? 'Copied' : `Copy ${what}`, TOOLTIP_LOOK);
  return (
    <>
      <ActionIcon
        {...hover.triggerProps}
        variant="subtle"
        color={copied ? 'teal' : 'gray'}
        onClick={() => clipboard.copy(value)}
        aria-label={`Copy ${what}`}
        size="sm"
      >
        {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
      </ActionIcon>
      {hover.tooltip}
    </>
  );
}
