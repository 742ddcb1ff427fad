// Edits a person must never lose or be blocked from: a conflict overwrite that keeps the other
// person's fields, stored values that break today's rules, drafts across reloads and newer
// versions, variables on create, confirmations, focus after navigating and saving, the sticky
// action bar and its shortcut.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { AS_API_CLIENT } from './api-client.ts';

const API = '/v1/chatbots/demo/organizations';
const LIST = '/chatbots/demo/organizations';

interface Organization {
  id: string;
  name: string;
  updated: string;
  industry?: string;
  website?: string;
  email?: string;
  size?: number;
  address?: Record<string, string>;
  variables: Record<string, string>;
}

function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

async function stored(request: APIRequestContext, id: string): Promise<Organization> {
  const response = await request.get(`${API}/${encodeURIComponent(id)}`);
  return ((await response.json()) as { organization: Organization }).organization;
}

async function patch(request: APIRequestContext, id: string, organization: object) {
  const response = await request.patch(`${API}/${encodeURIComponent(id)}`, {
    headers: AS_API_CLIENT,
    data: { organization: { variables: {}, ...organization } },
  });
  expect(response.status()).toBe(200);
}

const editUrl = (id: string) => `${LIST}/${encodeURIComponent(id)}/edit`;
const field = (page: Page, label: string | RegExp) => page.getByRole('textbox', { name: label });
const saveButton = (page: Page) => page.getByRole('button', { name: 'Save changes' });

/** Waits until the form's draft (with `text` in it) is in the browser's storage. */
async function draftKept(page: Page, text: string) {
  await expect.poll(() => page.evaluate(() => JSON.stringify(window.localStorage))).toContain(text);
}

test('overwrite after a conflict sends only my fields: the field the other tab set is kept', async ({
  browser,
  organizations,
}) => {
  const context = await browser.newContext();
  const tabA = await context.newPage();
  const tabB = await context.newPage();
  const organization = await organizations.create({
    name: uniqueName('E2E Two tabs'),
    website: 'https://before.example',
    address: { location: 'Before City', country: 'Germany' },
  });
  await tabB.goto(editUrl(organization.id));
  await expect(field(tabB, /^Name/)).toHaveValue(organization.name);

  // Tab A sets the industry and saves.
  await tabA.goto(editUrl(organization.id));
  await field(tabA, 'Industry').fill('Set in tab A');
  await saveButton(tabA).click();
  await expect(tabA.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();

  // Tab B, opened before, changes only city and website, then keeps its own on top.
  await field(tabB, 'City').fill('City from tab B');
  await field(tabB, 'Website').fill('https://tab-b.example');
  await saveButton(tabB).click();
  const review = tabB.getByRole('dialog', { name: 'This organization was changed meanwhile' });
  const table = review.getByRole('table', { name: 'Your changes and the other changes' });
  await expect(table.getByRole('row', { name: /Industry/ })).toContainText('Set in tab A');
  await expect(table.getByRole('row', { name: /City/ })).toContainText('City from tab B');
  await review.getByRole('button', { name: 'Save my changes on top of theirs' }).click();
  await expect(review).toBeHidden();

  const after = await stored(tabA.request, organization.id);
  expect(after.industry).toBe('Set in tab A');
  expect(after.website).toBe('https://tab-b.example');
  expect(after.address).toEqual({ location: 'City from tab B', country: 'Germany' });
  await context.close();
});

test('stored values that break the rules are named with a fix and do not block saving', async ({
  page,
  organizations,
}) => {
  const organization = await organizations.create({
    name: uniqueName('E2E Stored invalid'),
    website: 'acme-stored.example',
    email: 'info(at)acme-stored.example',
    size: 0.5,
  });
  await page.goto(editUrl(organization.id));
  await expect(page.getByText('The stored web address has no http:// or https://.')).toBeVisible();
  await expect(page.getByText('The stored email is not a valid email address.')).toBeVisible();
  await expect(page.getByText('The stored size is not a whole number of employees.')).toBeVisible();

  // Only a variable changes: Save is reachable by Tab from the last field, and saves.
  await page.getByRole('button', { name: 'Add variable' }).click();
  await field(page, 'Variable 1 name').fill('plan');
  await page.getByRole('textbox', { name: 'Variable 1 value' }).fill('Gold');
  await expect(saveButton(page)).toBeEnabled();
  await expect(saveButton(page)).toHaveAccessibleDescription(/^1 unsaved change/);
  for (let presses = 0; presses < 6; presses++) {
    if (await saveButton(page).evaluate((button) => button === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(saveButton(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  let after = await stored(page.request, organization.id);
  expect(after.variables).toEqual({ plan: 'Gold' });
  expect(after.website).toBe('acme-stored.example');
  expect(after.email).toBe('info(at)acme-stored.example');
  expect(after.size).toBe(0.5);

  // The offered fixes, applied and saved.
  await page.getByRole('button', { name: 'Add https://' }).click();
  await page.getByRole('button', { name: 'Change to info@acme-stored.example' }).click();
  await page.getByRole('button', { name: 'Round to 1' }).click();
  await saveButton(page).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  after = await stored(page.request, organization.id);
  expect(after).toMatchObject({
    website: 'https://acme-stored.example',
    email: 'info@acme-stored.example',
    size: 1,
  });
});

test('a draft made on an older version is offered side by side, and applied only on request', async ({
  page,
  organizations,
}) => {
  const organization = await organizations.create({
    name: uniqueName('E2E Old draft'),
    industry: 'Original industry',
  });
  await page.goto(editUrl(organization.id));
  await field(page, 'City').fill('City from my draft');
  await draftKept(page, 'City from my draft');

  // Someone saves the organization while the draft waits.
  await patch(page.request, organization.id, { industry: 'Industry saved meanwhile' });
  page.on('dialog', (dialog) => void dialog.accept());
  await page.reload();

  const review = page
    .getByRole('alert')
    .filter({ hasText: 'Unsaved changes from an earlier visit' });
  const versions = review.getByRole('table', { name: 'Your draft and the current version' });
  await expect(versions.getByRole('columnheader')).toHaveText([
    'Field',
    'When you started',
    'Your draft',
    'Saved now',
  ]);
  await expect(versions.getByRole('row', { name: /City/ })).toContainText('City from my draft');
  await expect(versions.getByRole('row', { name: /Industry/ })).toContainText(
    'Industry saved meanwhile',
  );
  // Nothing applied yet: the form is not even shown.
  await expect(field(page, 'City')).toHaveCount(0);

  await review.getByRole('button', { name: 'Apply my changes to the current version' }).click();
  await expect(field(page, 'City')).toHaveValue('City from my draft');
  await expect(field(page, 'Industry')).toHaveValue('Industry saved meanwhile');
  await saveButton(page).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  const after = await stored(page.request, organization.id);
  expect(after.industry).toBe('Industry saved meanwhile');
  expect(after.address?.location).toBe('City from my draft');
});

test('create: variables, a draft across a reload, a confirmation, the heading focused', async ({
  page,
}) => {
  const name = uniqueName('E2E Create with variables');
  await page.goto(`${LIST}/new`);
  await field(page, /^Name/).fill(name);
  await page.getByRole('button', { name: 'Add variable' }).click();
  await field(page, 'Variable 1 name').fill('crm-id');
  await page.getByRole('textbox', { name: 'Variable 1 value' }).fill('C-42');
  await draftKept(page, 'C-42');
  page.on('dialog', (dialog) => void dialog.accept());
  await page.reload();
  await expect(page.getByText(/What you entered .* is back/)).toBeVisible();
  await expect(field(page, /^Name/)).toHaveValue(name);
  await expect(field(page, 'Variable 1 name')).toHaveValue('crm-id');

  await page.getByRole('button', { name: 'Create organization' }).click();
  const heading = page.getByRole('heading', { level: 1, name });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  await expect(page.getByText(`“${name}” is created.`)).toBeVisible();
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
  expect((await stored(page.request, id)).variables).toEqual({ 'crm-id': 'C-42' });
  await expect(page.getByRole('table', { name: 'Variables' })).toContainText('C-42');

  // The draft went with the create: the form opens empty again.
  await page.goto(`${LIST}/new`);
  await expect(field(page, /^Name/)).toHaveValue('');
  await expect(page.getByText(/What you entered/)).toHaveCount(0);
});

test('save and delete confirm; focus goes to the heading on arrival and to the status on save', async ({
  page,
  organizations,
}) => {
  const name = uniqueName('E2E Confirmations');
  await organizations.create({ name });
  await page.goto(LIST);
  const link = page.getByRole('link', { name: new RegExp(name) }).first();
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeFocused();

  await page.getByRole('tab', { name: 'Edit' }).click();
  await field(page, 'Industry').fill('Confirmed');
  // The shortcut saves from any field.
  await page.keyboard.press('Control+s');
  const status = page.getByRole('status').filter({ hasText: 'Changes saved.' });
  await expect(status).toBeVisible();
  await expect(status).toBeFocused();
  await expect(page.getByText(`Changes to “${name}” are saved.`)).toBeVisible();

  await page.getByRole('button', { name: 'Delete' }).click();
  await page
    .getByRole('dialog', { name: 'Delete organization?' })
    .getByRole('button', { name: 'Delete organization' })
    .click();
  await expect(page.getByText(`“${name}” is deleted.`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Organizations' })).toBeFocused();
});

test('the action bar stays in sight at the bottom of a long form', async ({
  page,
  organizations,
}) => {
  const variables = Object.fromEntries(
    Array.from({ length: 12 }, (_, index) => [`key-${index}`, `value ${index}`]),
  );
  const organization = await organizations.create({ name: uniqueName('E2E Long form') });
  await patch(page.request, organization.id, { variables });
  await page.setViewportSize({ width: 390, height: 760 });
  await page.goto(editUrl(organization.id));
  await field(page, /^Name/).fill(`${organization.name} renamed`);
  await expect(field(page, /^Name/)).toBeInViewport();
  await expect(saveButton(page)).toBeInViewport();
  await saveButton(page).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
});
