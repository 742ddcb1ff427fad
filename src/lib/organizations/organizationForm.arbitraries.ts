// Test-only: fast-check generators of form values (valid, hostile and arbitrary text) and the
// JSON Schema checks of the OpenAPI document, shared by the organization form's tests.
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import hostileStrings from '../../../fixtures/hostile-strings.json';
import openapi from '../../api/openapi.json';
import type { CreateOrganizationFormValues, OrganizationFormValues } from './organizationForm.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule })
  .default ?? addFormatsModule) as typeof addFormatsModule;

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(openapi, 'openapi');
export const validateOrganizationDto = ajv.getSchema(
  'openapi#/components/schemas/OrganizationDto',
)!;
export const isEmailFormat = (text: string) =>
  ajv.validate({ type: 'string', format: 'email' }, text);
export const isUriFormat = (text: string) => ajv.validate({ type: 'string', format: 'uri' }, text);

const hostile = fc.constantFrom(...(hostileStrings as string[]));
const padded = (text: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.constantFrom('', ' ', '\t', '  \n'), text)
    .map(([space, value]) => space + value + space);
export const anyText = fc.oneof(fc.string({ maxLength: 40 }), hostile, fc.constant(''));
// Valid-looking values are weighted up, so that a good share of whole generated forms passes
// the schema and reaches the sandbox (the sandbox tests check that share).
export const emailText = fc.oneof({ arbitrary: padded(fc.emailAddress()), weight: 4 }, anyText);
export const websiteText = fc.oneof(
  {
    arbitrary: padded(
      fc.webUrl({
        validSchemes: ['http', 'https'],
        withQueryParameters: true,
        withFragments: true,
      }),
    ),
    weight: 6,
  },
  fc.webUrl({ validSchemes: ['ftp', 'mailto'] }),
  anyText,
);
export const sizeText = fc.oneof(
  { arbitrary: padded(fc.nat().map(String)), weight: 8 },
  fc.double({ noNaN: true }).map(String),
  fc.integer({ min: -1000, max: -1 }).map(String),
  fc.constantFrom('1e3', '0x10', '12.0', '9007199254740993', '٣'),
  anyText,
);
const addressValues = fc.record({
  street: anyText,
  houseNumber: anyText,
  zipcode: anyText,
  location: anyText,
  country: anyText,
});
const variableRows = fc.array(fc.record({ key: anyText, value: anyText }), { maxLength: 5 });
const nonBlank = fc.string({ minLength: 1, maxLength: 20 }).filter((text) => text.trim() !== '');
const acceptableVariableRows = fc.uniqueArray(
  fc.record({ key: padded(nonBlank), value: anyText }),
  {
    maxLength: 5,
    selector: (row) => row.key.trim(),
  },
);

// Values of the kind a person types: each field acceptable (free-text fields stay hostile).
const acceptable = {
  name: padded(nonBlank),
  email: fc.oneof(padded(fc.emailAddress()), fc.constant('')),
  website: fc.oneof(
    padded(
      fc.webUrl({
        validSchemes: ['http', 'https'],
        withQueryParameters: true,
        withFragments: true,
      }),
    ),
    fc.constant(''),
  ),
  size: padded(fc.nat().map(String)),
  industry: anyText,
  address: addressValues,
};
// Anything at all in every field.
const anything = {
  name: anyText,
  email: emailText,
  website: websiteText,
  size: sizeText,
  industry: anyText,
  address: addressValues,
};

/** Edit forms: two in three acceptable throughout, the rest anything (mostly refused). */
export const editValues: fc.Arbitrary<OrganizationFormValues> = fc.oneof(
  { arbitrary: fc.record({ ...acceptable, variables: acceptableVariableRows }), weight: 2 },
  fc.record({ ...anything, variables: variableRows }),
);
export const createValues: fc.Arbitrary<CreateOrganizationFormValues> = fc.oneof(
  {
    arbitrary: fc.record({
      ...acceptable,
      variables: acceptableVariableRows,
      phoneNumber: fc.oneof(padded(fc.stringMatching(/^\+?[0-9 ()-]{3,20}$/)), fc.constant('')),
    }),
    weight: 2,
  },
  fc.record({ ...anything, variables: variableRows, phoneNumber: anyText }),
);
