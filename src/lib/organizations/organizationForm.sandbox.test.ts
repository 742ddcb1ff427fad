import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../server/sandbox/contract.ts';
import { createSandbox } from '../../../server/sandbox/index.ts';
import {
  createRequestFromForm,
  formValuesFromOrganization,
  organizationCreateSchema,
  organizationEditSchema,
  organizationWithLocalUpdate,
  trimFormValues,
  updateRequestFromForm,
} from './organizationForm.ts';
import {
  createValues,
  editValues,
  validateOrganizationDto,
} from './organizationForm.arbitraries.ts';

// The property the issue asks for: no value the form schemas accept is refused by the sandbox,
// and what comes back still satisfies OrganizationDto, formats included.
const KEY = { 'x-chatcaptain-key': 'sandbox-full-access', 'content-type': 'application/json' };
const BASE = 'http://sandbox.test/v1/chatbots/demo/organizations';

describe('against the sandbox: what the schemas accept, the API accepts and returns intact', () => {
  let dataDir: string;
  let sandbox: Sandbox;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'org-form-test-'));
    sandbox = createSandbox({ dataDir, seedOrganizations: 0 });
  });
  afterAll(() => {
    sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function send(method: string, url: string, body: unknown) {
    const response = await sandbox.fetch(
      new Request(url, { method, headers: KEY, body: JSON.stringify(body) }),
    );
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  function expectValidDto(organization: unknown) {
    const valid = validateOrganizationDto(organization);
    expect(validateOrganizationDto.errors ?? [], JSON.stringify(organization)).toEqual([]);
    expect(valid).toBe(true);
  }

  it('creates every accepted create form, and the stored record keeps the DTO formats', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(createValues, async (values) => {
        const parsed = organizationCreateSchema.safeParse(values);
        if (!parsed.success) return;
        accepted += 1;
        const { status, json } = await send('POST', BASE, createRequestFromForm(parsed.data));
        expect(status, JSON.stringify(json)).toBe(201);
        expectValidDto(json.organization);
        const created = json.organization as { name: string; email?: string };
        expect(created.name).toBe(values.name.trim());
        expect(created.email ?? '').toBe(values.email.trim());
      }),
      { numRuns: 200 },
    );
    // The property says nothing if (almost) every generated form is refused before sending. About
    // half are accepted; a fresh seed has given as few as 74 of 200, so the floor is a quarter.
    expect(accepted).toBeGreaterThan(50);
  });

  it('updates with every accepted edit form, and the result is what the form showed', async () => {
    const { json } = await send('POST', BASE, { name: 'Edited by property test', size: 5 });
    const stored = json.organization as Parameters<typeof formValuesFromOrganization>[0];
    const url = `${BASE}/${encodeURIComponent(stored.id)}`;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        editValues,
        fc.constantFrom('changed', 'all') as fc.Arbitrary<'changed' | 'all'>,
        async (values, scope) => {
          const before = (
            (await sandbox.fetch(new Request(url, { headers: KEY })).then((r) => r.json())) as {
              organization: Parameters<typeof formValuesFromOrganization>[0];
            }
          ).organization;
          const initial = formValuesFromOrganization(before);
          const parsed = organizationEditSchema({
            sizeRequired: before.size !== undefined,
          }).safeParse(values);
          if (!parsed.success) return;
          accepted += 1;
          const request = updateRequestFromForm(parsed.data, initial, scope);
          const response = await send('PATCH', url, { organization: request });
          expect(response.status, JSON.stringify(response.json)).toBe(200);
          expectValidDto(response.json.organization);
          // The optimistic cache update predicts the server's record, all but `updated`.
          expect({ ...organizationWithLocalUpdate(before, request), updated: '' }).toEqual({
            ...(response.json.organization as object),
            updated: '',
          });
          const after = formValuesFromOrganization(
            response.json.organization as Parameters<typeof formValuesFromOrganization>[0],
          );
          const expected = trimFormValues(values);
          const nameSent = scope === 'all' || expected.name !== trimFormValues(initial).name;
          expect(after.name).toBe(nameSent ? expected.name : before.name);
          expect(after.email).toBe(expected.email);
          expect(after.website).toBe(expected.website);
          expect(after.address).toEqual(expected.address);
          expect(after.variables).toEqual(
            Object.entries(
              Object.fromEntries(expected.variables.map((row) => [row.key, row.value])),
            ).map(([key, value]) => ({ key, value })),
          );
        },
      ),
      { numRuns: 200 },
    );
    // As above: a quarter of the generated forms at least.
    expect(accepted).toBeGreaterThan(50);
  });
});
