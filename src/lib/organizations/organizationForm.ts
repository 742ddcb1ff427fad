// The edit and create forms of an organization: their values, their zod schemas (reused by
// `zodResolver`) and the request bodies built from what the schemas accept. Every text field is
// trimmed; variable values are data and kept as typed.
import { ADDRESS_FIELDS, type AddressField } from './addressFields.ts';
import { z } from 'zod';
import type { components } from '../../api/schema.gen.ts';
import {
  FIELD_MESSAGES,
  isFormEmail,
  phoneProblem,
  sizeProblem,
  websiteProblem,
} from './organizationFormRules.ts';

// Zod 4 probes `new Function` on its first object schema to compile fast parsers; the console's
// CSP forbids eval and reports the probe as a violation. Forms are the only zod user, and this
// runs before any of their schemas parses.
z.config({ jitless: true });

type OrganizationDto = components['schemas']['OrganizationDto'];
type AddressDto = components['schemas']['AddressDto'];
export type CreateOrganizationRequest = components['schemas']['CreateOrganizationRequestDto'];
export type UpdateOrganizationRequest = components['schemas']['UpdateOrganizationDto'];

export { ADDRESS_FIELDS, type AddressField };

export type AddressFormValues = Record<AddressField, string>;
export interface VariableRow {
  key: string;
  value: string;
}

/** What the edit form holds: every value as the user sees and types it. */
export interface OrganizationFormValues {
  name: string;
  email: string;
  website: string;
  /** Text, so "12.5" or "ten" can be shown with a message instead of being swallowed by an input. */
  size: string;
  industry: string;
  address: AddressFormValues;
  variables: VariableRow[];
}

/**
 * What the create form holds: the edit fields plus the phone number, which only create accepts.
 * Create takes no variables: they are saved by an update right after (useCreateOrganization).
 */
export interface CreateOrganizationFormValues extends OrganizationFormValues {
  phoneNumber: string;
}

const trimmed = z.string().trim();

/**
 * A trimmed text checked by `problem`, unless it is the value already stored (`stored`, trimmed):
 * a stored value that breaks today's rules must not block saving the other fields, and the edit
 * sends only the fields the user changed (storedValueProblems.ts says what is wrong with it).
 */
function problemCheck(problem: (text: string) => string | undefined, stored?: string) {
  return trimmed.superRefine((text, context) => {
    if (stored !== undefined && text === stored) return;
    const message = problem(text);
    if (message !== undefined) context.addIssue({ code: 'custom', message });
  });
}

const addressSchema = z.object({
  street: trimmed,
  houseNumber: trimmed,
  zipcode: trimmed,
  location: trimmed,
  country: trimmed,
});

function commonShape(sizeRequired: boolean, stored?: OrganizationFormValues) {
  const kept = stored && trimFormValues(stored);
  return {
    name: problemCheck(
      (text) => (text === '' ? FIELD_MESSAGES.nameRequired : undefined),
      kept?.name,
    ),
    email: problemCheck(
      (text) => (text === '' || isFormEmail(text) ? undefined : FIELD_MESSAGES.email),
      kept?.email,
    ),
    website: problemCheck(websiteProblem, kept?.website),
    size: problemCheck((text) => sizeProblem(text, sizeRequired), kept?.size),
    industry: trimmed,
    address: addressSchema,
  };
}

const variablesSchema = z
  .array(z.object({ key: trimmed.min(1, FIELD_MESSAGES.variableKeyRequired), value: z.string() }))
  .superRefine((rows, context) => {
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      const key = row.key.trim();
      if (key === '') return;
      if (seen.has(key)) {
        context.addIssue({
          code: 'custom',
          message: FIELD_MESSAGES.variableKeyDuplicate,
          path: [index, 'key'],
        });
      }
      seen.add(key);
    });
  });

export interface EditSchemaOptions {
  /** The organization already has a size: the API cannot clear it, so the field cannot be empty. */
  sizeRequired: boolean;
  /**
   * The values stored now (the form's starting values): a field left as stored is accepted as it
   * is, since it is not sent; only fields the user changed are checked.
   */
  stored?: OrganizationFormValues;
}

export function organizationEditSchema(options: EditSchemaOptions) {
  return z.object({
    ...commonShape(options.sizeRequired, options.stored),
    variables: variablesSchema,
  });
}

export const organizationCreateSchema = z.object({
  ...commonShape(false),
  phoneNumber: problemCheck(phoneProblem),
  variables: variablesSchema,
});

export type OrganizationEditSchema = ReturnType<typeof organizationEditSchema>;
/** Edit values as the schema returns them: trimmed and checked. */
export type OrganizationFormOutput = z.output<OrganizationEditSchema>;
export type CreateOrganizationFormOutput = z.output<typeof organizationCreateSchema>;

/** The edit form's starting values for a loaded organization ("" for what it does not have). */
export function formValuesFromOrganization(organization: OrganizationDto): OrganizationFormValues {
  const address = organization.address ?? {};
  return {
    name: organization.name,
    email: organization.email ?? '',
    website: organization.website ?? '',
    size: organization.size === undefined ? '' : String(organization.size),
    industry: organization.industry ?? '',
    address: {
      street: address.street ?? '',
      houseNumber: address.houseNumber ?? '',
      zipcode: address.zipcode ?? '',
      location: address.location ?? '',
      country: address.country ?? '',
    },
    variables: Object.entries(organization.variables).map(([key, value]) => ({ key, value })),
  };
}

export function emptyCreateFormValues(): CreateOrganizationFormValues {
  return {
    name: '',
    email: '',
    website: '',
    size: '',
    industry: '',
    address: { street: '', houseNumber: '', zipcode: '', location: '', country: '' },
    variables: [],
    phoneNumber: '',
  };
}

/** Trims like the schemas do, without checking: for comparing what the user changed. */
export function trimFormValues(values: OrganizationFormValues): OrganizationFormValues {
  return {
    name: values.name.trim(),
    email: values.email.trim(),
    website: values.website.trim(),
    size: values.size.trim(),
    industry: values.industry.trim(),
    address: {
      street: values.address.street.trim(),
      houseNumber: values.address.houseNumber.trim(),
      zipcode: values.address.zipcode.trim(),
      location: values.address.location.trim(),
      country: values.address.country.trim(),
    },
    variables: values.variables.map((row) => ({ key: row.key.trim(), value: row.value })),
  };
}

/**
 * The variables map. `Object.fromEntries` defines own properties, so keys such as `__proto__`
 * are kept as data rather than changing the object's prototype.
 */
export function variablesFromRows(rows: readonly VariableRow[]): Record<string, string> {
  return Object.fromEntries(rows.map((row) => [row.key.trim(), row.value]));
}

/**
 * The PATCH `organization` body. `changed` sends the fields whose trimmed value differs from
 * what the form opened with (so an untouched field is never rewritten), `all` sends every field
 * as the form shows it (overwriting another person's change). `variables` is always sent, whole:
 * the contract requires it and the sandbox replaces the stored map with it. An empty optional
 * string clears that field; a changed address is sent whole, because PATCH replaces it.
 */
export function updateRequestFromForm(
  values: OrganizationFormOutput,
  initial: OrganizationFormValues,
  scope: 'changed' | 'all',
): UpdateOrganizationRequest {
  const start = trimFormValues(initial);
  const include = (now: string, before: string) => scope === 'all' || now !== before;
  const request: UpdateOrganizationRequest = { variables: variablesFromRows(values.variables) };
  if (include(values.name, start.name)) request.name = values.name;
  if (include(values.email, start.email)) request.email = values.email;
  if (include(values.website, start.website)) request.website = values.website;
  if (values.size !== '' && include(values.size, start.size)) request.size = Number(values.size);
  if (include(values.industry, start.industry)) request.industry = values.industry;
  const addressChanged = ADDRESS_FIELDS.some(
    (field) => values.address[field] !== start.address[field],
  );
  if (scope === 'all' || addressChanged) request.address = { ...values.address };
  return request;
}

/** The flat create body, without empty optional fields (the API would store them as absent). */
export function createRequestFromForm(
  values: CreateOrganizationFormOutput,
): CreateOrganizationRequest {
  const request: CreateOrganizationRequest = { name: values.name };
  if (values.email !== '') request.email = values.email;
  if (values.website !== '') request.website = values.website;
  if (values.size !== '') request.size = Number(values.size);
  if (values.industry !== '') request.industry = values.industry;
  if (values.phoneNumber !== '') request.phoneNumber = values.phoneNumber;
  const address: AddressDto = {};
  for (const field of ADDRESS_FIELDS) {
    if (values.address[field] !== '') address[field] = values.address[field];
  }
  if (Object.keys(address).length > 0) request.address = address;
  return request;
}

/**
 * What the organization will look like once the API has applied an update, for the optimistic
 * caches: the sandbox's semantics (given fields replace, an empty optional string clears, the
 * address is replaced whole, the variables map replaced). The server's answer replaces this.
 */
export function organizationWithLocalUpdate(
  organization: OrganizationDto,
  request: UpdateOrganizationRequest,
): OrganizationDto {
  const next: OrganizationDto = { ...organization, variables: { ...request.variables } };
  for (const field of ['name', 'email', 'website', 'industry'] as const) {
    const value = request[field];
    if (value === undefined) continue;
    if (value === '' && field !== 'name') delete next[field];
    else next[field] = value;
  }
  if (request.size !== undefined) next.size = request.size;
  if (request.address !== undefined) {
    const address: AddressDto = {};
    for (const field of ADDRESS_FIELDS) {
      const value = request.address[field];
      if (value) address[field] = value;
    }
    if (Object.keys(address).length > 0) next.address = address;
    else delete next.address;
  }
  return next;
}
