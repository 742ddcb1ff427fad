import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import hostileStrings from '../../../fixtures/hostile-strings.json';
import type { ContactDto, OrganizationDto } from '../types.ts';
import { exceedsCharacters, FIELD_LIMITS } from '../validation/field-limits.ts';
import {
  ORGANIZATIONS_PATH,
  call,
  openTestSandbox,
  type TestSandbox,
} from '../test-support/sandbox-client.ts';

let test: TestSandbox;
beforeAll(() => {
  test = openTestSandbox(0);
});
afterAll(() => test.dispose());

// Optional fields given as "" mean "no value" (organization-records.ts); every other string
// must come back exactly as sent, in every field whose limit it fits (field-limits.ts).
const nonEmpty = hostileStrings.filter((text) => text !== '');
const fits = (text: string, limit: number) => !exceedsCharacters(text, limit);

describe('hostile strings', () => {
  it.each(nonEmpty.map((text) => [JSON.stringify(text).slice(0, 60), text]))(
    'stores and returns %s unchanged in every writable field',
    async (_label, text) => {
      const address = {
        street: text,
        houseNumber: text,
        zipcode: text,
        location: text,
        country: text,
      };
      const limited = {
        ...(fits(text, FIELD_LIMITS.email) ? { email: text } : {}),
        ...(fits(text, FIELD_LIMITS.website) ? { website: text } : {}),
      };
      const { status, body } = await call(test.sandbox, 'POST', ORGANIZATIONS_PATH, {
        body: {
          name: text,
          ...limited,
          industry: text,
          address,
          ...(fits(text, FIELD_LIMITS.phoneNumber) ? { phoneNumber: text } : {}),
        },
      });
      expect(status).toBe(201);
      const id = (body.organization as OrganizationDto).id;
      const variables = Object.fromEntries([
        [text, text],
        ['note', text],
      ]);
      const updated = await call(test.sandbox, 'PATCH', `${ORGANIZATIONS_PATH}/${id}`, {
        body: { organization: { variables } },
      });
      expect(updated.status).toBe(200);

      const stored = (await call(test.sandbox, 'GET', `${ORGANIZATIONS_PATH}/${id}`)).body
        .organization as OrganizationDto;
      expect(stored).toMatchObject({ name: text, ...limited, industry: text, address });
      expect(Object.entries(stored.variables)).toEqual([
        [text, text],
        ['note', text],
      ]);
    },
  );

  it('keeps an empty name and an empty variable key and value', async () => {
    const { body } = await call(test.sandbox, 'POST', ORGANIZATIONS_PATH, { body: { name: '' } });
    const id = (body.organization as OrganizationDto).id;
    await call(test.sandbox, 'PATCH', `${ORGANIZATIONS_PATH}/${id}`, {
      body: { organization: { variables: { '': '' } } },
    });
    const stored = (await call(test.sandbox, 'GET', `${ORGANIZATIONS_PATH}/${id}`)).body
      .organization;
    expect(stored).toMatchObject({ name: '', variables: { '': '' } });
  });
});

describe('hostile strings in the seed', () => {
  it('returns the seeded hostile organizations and contacts with each string intact', async () => {
    const seeded = openTestSandbox(60);
    try {
      const { body } = await call(seeded.sandbox, 'GET', `${ORGANIZATIONS_PATH}?limit=250`);
      const organizations = body.organizations as OrganizationDto[];
      for (const text of hostileStrings) {
        const organization = organizations.find(
          (o) => o.name === text && o.variables.note === text,
        );
        expect(organization, JSON.stringify(text).slice(0, 40)).toBeDefined();
        if (!organization) continue;
        if (text !== '') {
          expect(organization).toMatchObject({ email: text, website: text, industry: text });
          expect(organization.address?.location).toBe(text);
        }
        const contacts = await call(
          seeded.sandbox,
          'GET',
          `${ORGANIZATIONS_PATH}/${organization.id}/contacts`,
        );
        const names = (contacts.body.contacts as ContactDto[]).map((contact) => contact.name);
        expect(names).toContain(text);
      }
    } finally {
      seeded.dispose();
    }
  });
});
