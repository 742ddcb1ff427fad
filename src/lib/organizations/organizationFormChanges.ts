// Lost updates: when someone else saved the organization while the form was open, the user
// reviews, field by field, what they changed and what the other person changed.
import {
  ADDRESS_FIELDS,
  trimFormValues,
  variablesFromRows,
  type AddressField,
  type OrganizationFormValues,
} from './organizationForm.ts';

export const ADDRESS_LABELS: Readonly<Record<AddressField, string>> = {
  street: 'Street',
  houseNumber: 'House number',
  zipcode: 'Postal code',
  location: 'City',
  country: 'Country',
};

/** One field as it was when the form opened, as the user has it, and as the server has it now. */
export interface FieldVersions {
  label: string;
  original: string | undefined;
  yours: string | undefined;
  theirs: string | undefined;
}

function flatten(values: OrganizationFormValues): Map<string, string> {
  const trimmed = trimFormValues(values);
  const fields = new Map<string, string>([
    ['Name', trimmed.name],
    ['Email', trimmed.email],
    ['Website', trimmed.website],
    ['Size', trimmed.size],
    ['Industry', trimmed.industry],
  ]);
  for (const field of ADDRESS_FIELDS) fields.set(ADDRESS_LABELS[field], trimmed.address[field]);
  for (const [key, value] of Object.entries(variablesFromRows(trimmed.variables))) {
    fields.set(`Variable “${key}”`, value);
  }
  return fields;
}

/** The fields that either side changed since the form opened, in form order. */
export function changedFields(
  original: OrganizationFormValues,
  yours: OrganizationFormValues,
  theirs: OrganizationFormValues,
): FieldVersions[] {
  const before = flatten(original);
  const mine = flatten(yours);
  const server = flatten(theirs);
  const labels = [...new Set([...before.keys(), ...mine.keys(), ...server.keys()])];
  return labels
    .map((label) => ({
      label,
      original: before.get(label),
      yours: mine.get(label),
      theirs: server.get(label),
    }))
    .filter((field) => field.yours !== field.original || field.theirs !== field.original);
}
