import { Badge, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconUserCircle } from '@tabler/icons-react';
import { useEffect, useState, type ComponentType } from 'react';
import { displayText } from '../../lib/shared/displayText.ts';
import classes from './AccountMenu.module.css';
import hidden from '../visuallyHidden.module.css';
import type { SignedInMenuProps } from './SignedInMenu.tsx';

export interface SignedInPerson {
  label: string;
  email: string | null;
  role: string;
}

export interface AccountMenuProps {
  /** Null in local mode (no sign-in). */
  person: SignedInPerson | null;
  onSignOut: () => void;
  signingOut: boolean;
  signOutError: string | null;
}

let signedInMenu: ComponentType<SignedInMenuProps> | undefined;
let loading: Promise<ComponentType<SignedInMenuProps>> | undefined;

/** Fetches the menu's code once; a failed fetch may be tried again (the next press). */
function loadSignedInMenu(): Promise<ComponentType<SignedInMenuProps>> {
  loading ??= import('./SignedInMenu.tsx').then(
    (module) => (signedInMenu = module.SignedInMenu),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** What the account button shows: the person, the role and the menu's chevron. */
export function AccountFace({ person }: { person: SignedInPerson }) {
  return (
    <>
      <IconUserCircle size={20} stroke={1.6} aria-hidden="true" />
      <VisuallyHidden>Signed in as </VisuallyHidden>
      <bdi className={`${classes.name} ${hidden.below40em}`}>{displayText(person.label)}</bdi>
      <Badge size="sm" variant="light" className={classes.role}>
        {person.role}
      </Badge>
      <IconChevronDown size={14} aria-hidden="true" />
    </>
  );
}

/**
 * The signed-in person and role, with Sign out; in local mode, a plain "no sign-in" label. The
 * menu's code comes once the browser is idle; until then the same button stands in its place, and
 * a press on it opens the menu as soon as the code is here.
 */
export function AccountMenu(props: AccountMenuProps) {
  const { person } = props;
  const [Menu, setMenu] = useState(() => signedInMenu);
  const [pressed, setPressed] = useState(false);
  const signedIn = person !== null;
  useEffect(() => {
    if (!signedIn || Menu !== undefined) return;
    let current = true;
    const load = () =>
      void loadSignedInMenu().then(
        (loaded) => current && setMenu(() => loaded),
        () => {},
      );
    const idle =
      typeof window.requestIdleCallback === 'function'
        ? window.requestIdleCallback(load, { timeout: 3_000 })
        : undefined;
    if (idle === undefined) load();
    return () => {
      current = false;
      if (idle !== undefined) window.cancelIdleCallback(idle);
    };
  }, [signedIn, Menu]);

  if (person === null) {
    return (
      <Text size="xs" c="dimmed" className={classes.local}>
        Local mode: no sign-in
      </Text>
    );
  }
  if (Menu !== undefined) return <Menu {...props} person={person} initiallyOpened={pressed} />;
  return (
    <UnstyledButton
      className={classes.target}
      title={`Signed in as ${person.label}`}
      aria-haspopup="menu"
      aria-expanded={false}
      onClick={() => {
        setPressed(true);
        void loadSignedInMenu().then(
          (loaded) => setMenu(() => loaded),
          () => setPressed(false),
        );
      }}
    >
      <AccountFace person={person} />
    </UnstyledButton>
  );
}
