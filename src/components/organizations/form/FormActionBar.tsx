import { Group, Text } from '@mantine/core';
import type { ReactNode, Ref } from 'react';
import classes from './FormActionBar.module.css';

interface FormActionBarProps {
  /** Says what Save would do, or why it cannot yet ("Fix 1 field first: Email"). */
  status: ReactNode;
  statusId: string;
  /** Receives focus after a save (its status then says so). */
  statusRef?: Ref<HTMLParagraphElement>;
  children: ReactNode;
}

/**
 * The form's buttons in a bar that sticks to the bottom of the window while the form is taller
 * than it, so Save is always in sight, with a line that says what Save would do.
 */
export function FormActionBar({ status, statusId, statusRef, children }: FormActionBarProps) {
  return (
    <div className={classes.bar}>
      <Text
        ref={statusRef}
        id={statusId}
        size="sm"
        className={classes.status}
        role="status"
        tabIndex={-1}
      >
        {status}
      </Text>
      <Group gap="xs" justify="flex-end" className={classes.buttons}>
        {children}
      </Group>
    </div>
  );
}
