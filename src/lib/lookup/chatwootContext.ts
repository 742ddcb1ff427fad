// The message a Chatwoot Dashboard App receives from the conversation view it is framed in:
// `{event: 'appContext', data: {conversation, contact, currentAgent}}`, as a JSON string (Chatwoot
// sends it so) or an object. It comes from another site's page: it is only a hint of whom to look
// up, read defensively — from an allowed origin only, of a bounded size, its few fields checked.
import { cleanEmail, cleanHintText, type LookupHint } from './lookupTerms.ts';

/** What the page asks its parent for the context again (Chatwoot's on-demand request). */
export const FETCH_INFO_MESSAGE = 'chatwoot-dashboard-app:fetch-info';

/** Larger messages are not read: a conversation with its messages is well below. */
export const MAX_MESSAGE_LENGTH = 256 * 1024;

/** Whether a message's origin may send context (EMBED_ALLOWED_ORIGINS, exactly). */
export function isAllowedOrigin(origin: string, allowed: readonly string[]): boolean {
  return origin !== 'null' && allowed.includes(origin);
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/**
 * The lookup hint of an `appContext` message: the contact's company (its `company_name`), and
 * its e-mail address. Null for anything else: another event, a malformed or oversized message,
 * a contact with neither.
 */
export function readAppContext(message: unknown): LookupHint | null {
  let value = message;
  if (typeof message === 'string') {
    if (message.length > MAX_MESSAGE_LENGTH) return null;
    try {
      value = JSON.parse(message) as unknown;
    } catch {
      return null;
    }
  }
  const envelope = record(value);
  if (envelope === null || envelope.event !== 'appContext') return null;
  const contact = record(record(envelope.data)?.contact);
  if (contact === null) return null;
  const hint: LookupHint = {};
  const company = cleanHintText(record(contact.additional_attributes)?.company_name);
  if (company !== null) hint.name = company;
  const email = cleanEmail(contact.email);
  if (email !== null) hint.email = email;
  return hint.name === undefined && hint.email === undefined ? null : hint;
}

/** The allowed origins the page was served with (a meta tag the server writes: page-html.ts). */
export function embedOriginsOf(content: string | null | undefined): string[] {
  if (!content) return [];
  return content
    .split(' ')
    .map((origin) => origin.trim())
    .filter((origin) => /^https?:\/\/[^/\s]+$/.test(origin));
}
