// The demo provider's three people, one per role (CONSOLE_AUTH=demo). Their password is public —
// it is on the provider's sign-in page — which is why demo mode listens on loopback only.
import type { ConsoleRole } from '../../api/roles.ts';

export interface DemoUser {
  /** The `sub` claim: stable, as a real provider's would be. */
  subject: string;
  email: string;
  name: string;
  role: ConsoleRole;
  /** The `groups` claim the console maps to the role. */
  groups: string[];
}

export const DEMO_PASSWORD = 'demo';

/** The `groups` values that give each role in demo mode. */
export const DEMO_ROLE_GROUPS: Readonly<Record<ConsoleRole, readonly string[]>> = {
  admin: ['console-admins'],
  agent: ['console-agents'],
  viewer: ['console-viewers'],
};

/** `groups` is the demo provider's own scope for the claim of that name. */
export const DEMO_SCOPES = 'openid email profile groups';

export const DEMO_USERS: readonly DemoUser[] = [
  {
    subject: 'demo-viewer',
    email: 'viewer@demo.test',
    name: 'Vera Viewer',
    role: 'viewer',
    groups: [...DEMO_ROLE_GROUPS.viewer],
  },
  {
    subject: 'demo-agent',
    email: 'agent@demo.test',
    name: 'Alex Agent',
    role: 'agent',
    groups: [...DEMO_ROLE_GROUPS.agent],
  },
  {
    subject: 'demo-admin',
    email: 'admin@demo.test',
    name: 'Ada Admin',
    role: 'admin',
    groups: [...DEMO_ROLE_GROUPS.admin],
  },
];

/** The demo user with this e-mail (any case) and password, or undefined. */
export function findDemoUser(email: string, password: string): DemoUser | undefined {
  const user = DEMO_USERS.find((candidate) => candidate.email === email.trim().toLowerCase());
  return user !== undefined && password === DEMO_PASSWORD ? user : undefined;
}
