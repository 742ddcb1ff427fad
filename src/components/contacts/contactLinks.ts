// Links a contact's e-mail and phone may become: only for a value that looks like one, so a
// stored oddity ("info(at)acme", "call reception") stays text and never becomes another kind of link.

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/u;

/** `mailto:` of a plausible address, undefined otherwise. */
export function mailtoHref(email: string | undefined): string | undefined {
  const value = email?.trim();
  if (value === undefined || value.length > 320 || !EMAIL.test(value)) return undefined;
  return `mailto:${encodeURI(value)}`;
}

/** `tel:` of a number with 3 to 20 digits written with the usual signs, undefined otherwise. */
export function telHref(phone: string | undefined): string | undefined {
  const value = phone?.trim();
  if (value === undefined || !/^\+?[\d\s()./-]+$/.test(value)) return undefined;
  const digits = value.replace(/\D/g, '');
  if (digits.length < 3 || digits.length > 20) return undefined;
  return `tel:${value.startsWith('+') ? '+' : ''}${digits}`;
}
