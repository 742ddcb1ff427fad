import { createMiddleware } from 'hono/factory';
import { grantForKey, type ApiKeyGrant } from '../api-keys.ts';
import type { Permission } from '../types.ts';

export type SandboxEnv = { Variables: { grant: ApiKeyGrant } };

export const API_KEY_HEADER = 'x-chatcaptain-key';
export const MISSING_KEY_ERROR = 'Missing or invalid API key.';
export const FORBIDDEN_ERROR = 'Insufficient permissions.';

/**
 * 401 for a missing or unknown key, then 403 for a key of another chatbot; runs before any
 * validation, so a caller without access learns nothing about the request's shape or the data.
 */
export const authenticate = createMiddleware<SandboxEnv>(async (c, next) => {
  const grant = grantForKey(c.req.header(API_KEY_HEADER));
  if (!grant) return c.json({ error: MISSING_KEY_ERROR }, 401);
  if (grant.chatbotId !== c.req.param('chatbotId')) return c.json({ error: FORBIDDEN_ERROR }, 403);
  c.set('grant', grant);
  await next();
});

/** 403 unless the key holds the operation's permission (the table in docs/API-NOTES.md). */
export function requirePermission(permission: Permission) {
  return createMiddleware<SandboxEnv>(async (c, next) => {
    if (!c.get('grant').permissions.has(permission)) {
      return c.json({ error: FORBIDDEN_ERROR }, 403);
    }
    await next();
  });
}
