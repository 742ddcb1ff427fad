// The field a data-quality finding is about (`name`, `size`, `address.country`,
// `variables.plan`…): its value in an organization, and the update that writes a new value to it
// alone. The API's update requires `variables` (the whole map: docs/API-NOTES.md), and `address`
// replaces the stored one, so both are sent whole with the one value changed.
import { ADDRESS_FIELDS, type AddressField } from '../organizations/addressFields.ts';
import type { Organization, UpdateOrganizationBody } from '../../api/types.ts';
import {
  isFormEmail,
  sizeProblem,
  websiteProblem,
} from '../organizations/organizationFormRules.ts';

/** How a person reads a field's name. */
export function fieldLabel(field: string): string {
  if (field.startsWith('variables.')) return `Variable “${field.slice('variables.'.length)}”`;
  const labels: Record<string, string> = {
    name: 'Name',
    email: 'E-mail',
    website: 'Website',
    size: 'Size',
    industry: 'Industry',
    'address.street': 'Street',
    'address.houseNumber': 'House number',
    'address.zipcode': 'Postcode',
    'address.location': 'City',
    'address.country': 'Country',
  };
  return labels[field] ?? field;
}

/** Whether the console can write the field from the queue. */
export function isEditableField(field: string): boolean {
  if (['name', 'email', 'website', 'size', 'industry'].includes(field)) return true;
  if (field.startsWith('variables.')) return field.length > 'variables.'.length;
  return (
    (ADDRESS_FIELDS as readonly string[]).includes(field.slice('address.'.length)) &&
    field.startsWith('address.')
  );
}

/** The field's value as text ('' when not set). */
export function fieldValue(organization: Organization, field: string): string {
  if (field.startsWith('variables.')) {
    const key = field.slice('variables.'.length);
    const variables = organization.variables ?? {};
    return Object.hasOwn(variables, key) ? (variables[key] ?? '') : '';
  }
  if (field.startsWith('address.')) {
    const key = field.slice('address.'.length) as AddressField;
    return organization.address?.[key] ?? '';
  }
  switch (field) {
    case 'name':
      return organization.name;
    case 'email':
      return organization.email ?? '';
    case 'website':
      return organization.website ?? '';
    case 'industry':
      return organization.industry ?? '';
    case 'size':
      return organization.size === undefined ? '' : String(organization.size);
    default:
      return '';
  }
}

export type FieldUpdate =
  { ok: true; body: UpdateOrganizationBody } | { ok: false; problem: string };

/**
 * The update that writes `text` to the field, or why it cannot: the same rules as the edit form
 * (an e-mail must be one, a website must start with http:// or https://, a size must be a whole
 * number), so the console never writes what the response claims cannot be.
 */
export function fieldUpdate(organization: Organization, field: string, text: string): FieldUpdate {
  const variables = { ...(organization.variables ?? {}) };
  if (field.startsWith('variables.')) {
    variables[field.slice('variables.'.length)] = text;
    return { ok: true, body: { variables } };
  }
  const value = text.trim();
  if (field.startsWith('address.')) {
    const key = field.slice('address.'.length) as AddressField;
    return { ok: true, body: { address: { ...organization.address, [key]: value }, variables } };
  }
  switch (field) {
    case 'name':
      if (value === '') return { ok: false, problem: 'Enter a name.' };
      return { ok: true, body: { name: value, variables } };
    case 'email':
      if (value !== '' && !isFormEmail(value)) {
        return {
          ok: false,
          problem: 'Enter an e-mail address like name@example.com, or leave it empty.',
        };
      }
      return { ok: true, body: { email: value, variables } };
    case 'website': {
      const problem = websiteProblem(value);
      return problem === undefined
        ? { ok: true, body: { website: value, variables } }
        : { ok: false, problem };
    }
    case 'industry':
      return { ok: true, body: { industry: value, variables } };
    case 'size': {
      const problem = sizeProblem(value, true);
      return problem === undefined
        ? { ok: true, body: { size: Number(value), variables } }
        : { ok: false, problem };
    }
    default:
      return { ok: false, problem: 'This field cannot be changed here.' };
  }
}

/** A finding's value or fix (JSON from the server) as the text an editor starts with. */
export function findingText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}
