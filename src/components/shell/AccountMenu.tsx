import { Badge, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { displayText } from '../../lib/displayText.ts';
import classes from './AccountMenu.module.css';

export interface AccountMenuProps {
  /** Null in local mode (no sign-in). */
  person: { label: string; email: string | null; role: string } | null;
  onSignOut: () => void;
  signingOut: boolean;
  signOutError: string | null;
}

/** The signed-in person and role, with Sign out; in local mode, a plain "no sign-in" label. */
export function AccountMenu({ person, onSignOut, signingOut, signOutError }: AccountMenuProps) {
  if (person === null) {
    return (
      <Text size="xs" c="dimmed" className={classes.local}>
        Local mode: no sign-in
      </Text>
    );
  }
  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        <UnstyledButton className={classes.target} title={`Signed in as ${person.label}`}>
          <IconUserCircle size={20} stroke={1.6} aria-hidden="true" />
          <VisuallyHidden>Signed in as </VisuallyHidden>
          <bdi className={classes.name}>{displayText(person.label)}</bdi>
          <Badge size="sm" variant="light" className={classes.role}>
            {person.role}
          </Badge>
          <IconChevronDown size={14} aria-hidden="true" />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <div className={classes.who}>
          <Text size="sm" fw={600} className={classes.wrap}>
            <bdi>{displayText(person.label)}</bdi>
          </Text>
          {person.email !== null && person.email !== person.label && (
            <Text size="xs" c="dimmed" className={classes.wrap}>
              <bdi>{displayText(person.email)}</bdi>
            </Text>
          )}
          <Text size="xs" mt={4}>
            Role: <strong>{person.role}</strong>
          </Text>
        </div>
        <Menu.Divider />
        <Menu.Item
          closeMenuOnClick={false}
          leftSection={<IconLogout size={16} aria-hidden="true" />}
          onClick={onSignOut}
          disabled={signingOut}
        >
          {signingOut ? 'Signing out…' : 'Sign out'}
        </Menu.Item>
        {signOutError !== null && (
          <Text size="xs" c="red" px="sm" pb="xs" role="alert">
            {signOutError}
          </Text>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
