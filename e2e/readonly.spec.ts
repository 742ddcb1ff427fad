// The console over a read-only key (`CHATCAPTAIN_API_KEY=sandbox-read-only`): every write
// control of the organization pages is disabled or hidden, with the reason in words, and
// reading still works. The second console server of playwright.config.ts serves it, on
// E2E_PORT + 1 (or READONLY_E2E_PORT), over its own fresh sandbox.
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.ts';

const port = Number(process.env.READONLY_E2E_PORT ?? Number(process.env.E2E_PORT ?? 4180) + 1);
const origin = `http://localhost:${port}`;
const LIST = `${origin}/chatbots/demo/organizations`;
const API = `${origin}/v1/chatbots/demo/organizations`;

async function northwindId(): Promise<string> {
  const response = await fetch(`${API}/search?query=Northwind&page=1&pageSize=1`);
  const body = (await response.json()) as { results: { hits: { organization: { id: string } }[] } };
  return body.results.hits[0]!.organization.id;
}

test('the organization page reads, and offers no write it cannot make', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const id = await northwindId();
  const url = `${LIST}/${encodeURIComponent(id)}`;

  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Traders' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete' })).toBeDisabled();
  await expect(page.getByText(/may not delete organizations/)).toContainText(
    'chatbots.organizations.delete',
  );

  await page.getByRole('tab', { name: 'Edit' }).click();
  await expect(page.getByText('Editing is not available')).toBeVisible();
  await expect(page.getByText(/may not edit organizations/)).toContainText(
    'chatbots.organizations.edit',
  );
  await expect(page.getByRole('textbox', { name: /^Name/ })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Add variable' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('tab', { name: /Contacts/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /contacts$/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the create page says creating is not allowed and offers no Create button', async ({
  page,
}) => {
  await page.goto(`${LIST}/new`);
  await expect(page.getByText('Creating is not available')).toBeVisible();
  await expect(page.getByText(/may not create organizations/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Name/ })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Create organization' })).toHaveCount(0);
});

test('a write the key may not make is refused by the API with 403', async () => {
  const id = await northwindId();
  // Sent as the console's page sends it, so the refusal is the key's, not the same-origin rule's.
  const response = await fetch(`${API}/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', origin, 'x-console-request': '1' },
    body: JSON.stringify({ organization: { name: 'x', variables: {} } }),
  });
  expect(response.status).toBe(403);
  expect(await response.json()).toEqual({ error: 'Insufficient permissions.' });
});
