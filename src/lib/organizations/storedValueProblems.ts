// Values stored by other clients (old imports, the API) that break the console's rules: a
// website without a scheme, an email that is not one, a size of 2.5. The edit form names them
// and offers a fix where one is clear, but does not let them block saving the other fields:
// only fields the user changes are checked strictly (organizationForm.ts), and only those sent.
import {
  isFormEmail,
  isFormWebsite,
  sizeProblem,
  websiteProblem,
} from './organizationFormRules.ts';
import { trimFormValues, type OrganizationFormValues } from './organizationForm.ts';

export type CheckedField = 'name' | 'email' | 'website' | 'size';

export interface StoredValueProblem {
  field: CheckedField;
  /** What is wrong, in words ("The stored web address has no http:// or https://."). */
  message: string;
  /** A correction to offer, when one is clear. */
  fix?: { label: string; value: string };
}

/** `https://` in front of an address that has no scheme, when that makes it a web address. */
function websiteFix(text: string): StoredValueProblem['fix'] {
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return undefined;
  const value = `https://${text.replace(/^\/+/, '')}`;
  return isFormWebsite(value) ? { label: 'Add https://', value } : undefined;
}

/** The usual slips in a stored email ("info @ acme.com", "info(at)acme.com", a trailing dot). */
function emailFix(text: string): StoredValueProblem['fix'] {
  const value = text
    .replace(/^mailto:/i, '')
    .replace(/\s*\((?:at|@)\)\s*|\s+at\s+/gi, '@')
    .replace(/\s+/g, '')
    .replace(/@{2,}/g, '@')
    .replace(/\.+$/, '');
  return value !== text && isFormEmail(value) ? { label: `Change to ${value}`, value } : undefined;
}

function sizeFix(text: string): StoredValueProblem['fix'] {
  const number = Number(text);
  if (!Number.isFinite(number) || number < 0) return undefined;
  const value = String(Math.max(1, Math.round(number)));
  return { label: `Round to ${value}`, value };
}

/** The stored values of an organization (as the edit form opens with them) that break a rule. */
export function storedValueProblems(
  stored: OrganizationFormValues,
  sizeRequired: boolean,
): StoredValueProblem[] {
  const values = trimFormValues(stored);
  const problems: StoredValueProblem[] = [];
  if (values.email !== '' && !isFormEmail(values.email)) {
    problems.push({
      field: 'email',
      message: 'The stored email is not a valid email address.',
      fix: emailFix(values.email),
    });
  }
  if (websiteProblem(values.website) !== undefined) {
    const fix = websiteFix(values.website);
    problems.push({
      field: 'website',
      message:
        fix !== undefined
          ? 'The stored web address has no http:// or https://.'
          : 'The stored web address is not a valid http(s) address.',
      fix,
    });
  }
  if (values.size !== '' && sizeProblem(values.size, sizeRequired) !== undefined) {
    problems.push({
      field: 'size',
      message: 'The stored size is not a whole number of employees.',
      fix: sizeFix(values.size),
    });
  }
  return problems.map((problem) => (problem.fix === undefined ? withoutFix(problem) : problem));
}

function withoutFix({ field, message }: StoredValueProblem): StoredValueProblem {
  return { field, message };
}
