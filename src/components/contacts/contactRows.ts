import type { Contact } from '../../lib/shared/apiTypes.ts';

export type ContactDto = Contact;

export type ContactSort = 'name-asc' | 'name-desc' | 'created-desc' | 'created-asc';

export const CONTACT_SORT_LABELS: Readonly<Record<ContactSort, string>> = {
  'name-asc': 'Name, A to Z',
  'name-desc': 'Name, Z to A',
  'created-desc': 'Newest first',
  'created-asc': 'Oldest first',
};

export const CHANNELS = [
  { field: 'whatsappId', label: 'WhatsApp', color: 'green' },
  { field: 'telegramId', label: 'Telegram', color: 'cyan' },
  { field: 'facebookId', label: 'Facebook', color: 'blue' },
  { field: 'instagramId', label: 'Instagram', color: 'grape' },
] as const;

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** A sorted copy; ties keep a stable order by id so rows do not jump between renders. */
export function sortContacts(contacts: readonly ContactDto[], sort: ContactSort): ContactDto[] {
  const byName = (a: ContactDto, b: ContactDto) => collator.compare(a.name, b.name);
  const byCreated = (a: ContactDto, b: ContactDto) => Date.parse(a.created) - Date.parse(b.created);
  const compare = {
    'name-asc': byName,
    'name-desc': (a: ContactDto, b: ContactDto) => byName(b, a),
    'created-asc': byCreated,
    'created-desc': (a: ContactDto, b: ContactDto) => byCreated(b, a),
  }[sort];
  return [...contacts].sort((a, b) => compare(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Up to two initials from the letters and digits of a name; "?" when it has none. */
export function initialsOf(name: string): string {
  const words = name.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? [];
  const letters = words.slice(0, 2).map((word) => Array.from(word)[0] ?? '');
  const initials = letters.join('').toLocaleUpperCase();
  return initials === '' ? '?' : initials;
}

/** An avatar URL the browser may load: absolute http(s) only. */
export function avatarSource(avatar: string | undefined): string | undefined {
  if (avatar === undefined || !/^https?:\/\//i.test(avatar)) return undefined;
  try {
    const url = new URL(avatar);
    return url.hostname === '' ? undefined : url.href;
  } catch {
    return undefined;
  }
}

/** How many contacts are listed: all of them, or how many of how many the filter leaves. */
export function contactsShownText(shown: number, total: number): string {
  const noun = total === 1 ? 'contact' : 'contacts';
  return shown === total
    ? `${total.toLocaleString('en')} ${noun}`
    : `${shown.toLocaleString('en')} of ${total.toLocaleString('en')} ${noun}`;
}
