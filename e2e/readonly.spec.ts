// The console over a read-only key (`CHATCAPTAIN_API_KEY=sandbox-read-only`): every write
// control of the organization pages is disabled or hidden, with the reason in words, and
// reading still works. A second console server is started for this file, on E2E_PORT + 1
// (or READONLY_E2E_PORT), over its own fresh sandbox.
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.ts';

const port = Number(process.env.READONLY_E2E_PORT ?? Number(process.env.E2E_PORT ?? 4180) + 1);
const origin = `http://localhost:${port}`;
const LIST = `${origin}/chatbots/demo/organizations`;
const API = `${origin}/v1/chatbots/demo/organizations`;

let server: ChildProcess | undefined;

async function waitForServer(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${origin}/console/config`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the read-only console server did not start on port ${port}`);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = spawn('npx', ['tsx', 'e2e/serve.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      CHATCAPTAIN_API_KEY: 'sandbox-read-only',
      SEED_ORGANIZATIONS: '500',
    },
    stdio: 'ignore',
    detached: true,
  });
  await waitForServer(110_000);
});

test.afterAll(() => {
  // The whole process group: npx, tsx and the server it started.
  if (server?.pid !== undefined) process.kill(-server.pid, 'SIGTERM');
});

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
