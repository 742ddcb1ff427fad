// What the organization forms accept, field by field, in words a user understands. The request
// DTOs accept any string, but `OrganizationDto` claims `format: email` and `format: uri`
// (docs/API-NOTES.md): the console validates what the response claims, so it never writes a value
// that breaks that claim. Each check is a strict subset of the JSON Schema formats (ajv-formats,
// "full" mode), which organizationForm.test.ts verifies property by property.

/** The JSON Schema "email" format (ajv-formats, full mode), so the console agrees with it exactly. */
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

// RFC 3986 pieces, narrowed to what a website address needs: an http(s) scheme, a DNS name or
// IPv4 address (no credentials, no IPv6 literal), an optional port, path, query and fragment.
const PCT = '%[0-9a-f]{2}';
const PCHAR = `(?:[a-z0-9\\-._~!$&'()*+,;=:@]|${PCT})`;
const LABEL = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
const WEBSITE = new RegExp(
  `^https?://${LABEL}(?:\\.${LABEL})*(?::\\d{1,5})?(?:/${PCHAR}*)*` +
    `(?:\\?(?:${PCHAR}|[/?])*)?(?:#(?:${PCHAR}|[/?])*)?$`,
  'i',
);

const WHOLE_NUMBER = /^\d+$/;
const PHONE = /^\+?[0-9 ()./-]+$/;

export const FIELD_MESSAGES = {
  nameRequired: 'Enter a name.',
  email: 'Enter an email address like name@example.com, or leave it empty.',
  websiteScheme: 'Start the web address with http:// or https://, or leave it empty.',
  website:
    'Enter a web address like https://example.com (no spaces, no user name, letters of other ' +
    'alphabets percent-encoded), or leave it empty.',
  size: 'Enter the number of employees as a whole number, like 250.',
  sizeTooLarge: 'That number is too large.',
  sizeRequired: 'The API cannot remove a size once set: enter a whole number.',
  phone: 'Use digits, spaces and + ( ) - . / only, with at least 3 digits.',
  variableKeyRequired: 'Enter a name for this variable, or remove it.',
  variableKeyDuplicate: 'Another variable already has this name.',
} as const;

export function isFormEmail(text: string): boolean {
  return EMAIL.test(text);
}

export function isFormWebsite(text: string): boolean {
  return WEBSITE.test(text);
}

/** Why a trimmed website is refused, or undefined when it is accepted (empty clears it). */
export function websiteProblem(text: string): string | undefined {
  if (text === '' || isFormWebsite(text)) return undefined;
  return /^https?:\/\//i.test(text) ? FIELD_MESSAGES.website : FIELD_MESSAGES.websiteScheme;
}

/** Why a trimmed size is refused, or undefined when it is accepted. */
export function sizeProblem(text: string, required: boolean): string | undefined {
  if (text === '') return required ? FIELD_MESSAGES.sizeRequired : undefined;
  if (!WHOLE_NUMBER.test(text)) return FIELD_MESSAGES.size;
  if (!Number.isSafeInteger(Number(text))) return FIELD_MESSAGES.sizeTooLarge;
  return undefined;
}

/** Why a trimmed phone number is refused, or undefined when it is accepted (empty: none). */
export function phoneProblem(text: string): string | undefined {
  if (text === '') return undefined;
  const digits = text.replace(/\D/g, '').length;
  return PHONE.test(text) && digits >= 3 ? undefined : FIELD_MESSAGES.phone;
}
