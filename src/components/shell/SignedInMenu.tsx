import { Menu, Text, UnstyledButton } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { displayText } from '../../lib/shared/displayText.ts';
import { AccountFace, type AccountMenuProps, type SignedInPerson } from './AccountMenu.tsx';
import classes from './AccountMenu.module.css';

export interface SignedInMenuProps extends Omit<AccountMenuProps, 'person'> {
  person: SignedInPerson;
  /** Open at once: the person pressed the button before this code had arrived. */
  initiallyOpened: boolean;
}

/**
 * The signed-in person's menu, with Sign out. Its own chunk: Mantine's Menu brings the floating
 * layout code (~45 KB), which the list's first page does not need (AccountMenu.tsx shows the same
 * button until it is here).
 */
export function SignedInMenu({
  person,
  onSignOut,
  signingOut,
  signOutError,
  initiallyOpened,
}: SignedInMenuProps) {
  return (
    <Menu position="bottom-end" width={260} withinPortal defaultOpened={initiallyOpened}>
      <Menu.Target>
        <UnstyledButton className={classes.target} title={`Signed in as ${person.label}`}>
          <AccountFace person={person} />
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
