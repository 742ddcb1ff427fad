import type { Permission } from './types.ts';

/** What a key may do, and on which chatbot (a ChatCaptain key belongs to one chatbot). */
export interface ApiKeyGrant {
  chatbotId: string;
  permissions: ReadonlySet<Permission>;
}

export const SANDBOX_CHATBOT_ID = 'demo';
export const FULL_ACCESS_KEY = 'sandbox-full-access';
export const READ_ONLY_KEY = 'sandbox-read-only';

const ALL_PERMISSIONS: readonly Permission[] = [
  'chatbots.organizations.list',
  'chatbots.organizations.create',
  'chatbots.organizations.get',
  'chatbots.organizations.edit',
  'chatbots.organizations.delete',
  'chatbots.organizations.contacts.list',
];

const READ_PERMISSIONS: readonly Permission[] = [
  'chatbots.organizations.list',
  'chatbots.organizations.get',
  'chatbots.organizations.contacts.list',
];

// The sandbox's two fixed keys: public by design, they guard only seeded demo data, and let the
// console (and tests) exercise both a full and a read-only grant.
const GRANTS: ReadonlyMap<string, ApiKeyGrant> = new Map([
  [FULL_ACCESS_KEY, { chatbotId: SANDBOX_CHATBOT_ID, permissions: new Set(ALL_PERMISSIONS) }],
  [READ_ONLY_KEY, { chatbotId: SANDBOX_CHATBOT_ID, permissions: new Set(READ_PERMISSIONS) }],
]);

export function grantForKey(key: string | undefined): ApiKeyGrant | undefined {
  return key === undefined ? undefined : GRANTS.get(key);
}
