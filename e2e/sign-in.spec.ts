// Sign-in in Chromium against a console in CONSOLE_AUTH=demo mode, started for this file on its
// own ports (E2E_PORT + 6, its demo provider on E2E_PORT + 7; SIGN_IN_E2E_PORT overrides) over a
// fresh sandbox: the real demo OpenID provider, never a mock. A deep link goes to the provider's
// sign-in page and comes back; the role is the agent's; a create is refused naming admin; sign-out
// ends the session; an admin reads the audit trail.
import { spawn, type ChildProcess } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const port = Number(process.env.SIGN_IN_E2E_PORT ?? Number(process.env.E2E_PORT ?? 4180) + 6);
const providerPort = port + 1;
const origin = `http://localhost:${port}`;
const provider = `http://localhost:${providerPort}`;
const DEEP_LINK = `${origin}/chatbots/demo/organizations?q=Northwind`;
const API = '/v1/chatbots/demo/organizations';

let server: ChildProcess | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = spawn('npx', ['tsx', 'e2e/serve.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      CONSOLE_AUTH: 'demo',
      DEMO_OIDC_PORT: String(providerPort),
      SEED_ORGANIZATIONS: '300',
    },
    stdio: 'ignore',
    detached: true,
  });
  // Up once it answers anything at all: without a session, /console/session is a 401.
  await expect
    .poll(
      async () => {
        try {
          return (await fetch(`${origin}/console/session`)).status;
        } catch {
          return 0;
        }
      },
      { timeout: 110_000, intervals: [250] },
    )
    .toBe(401);
});

test.afterAll(() => {
  // The whole process group: npx, tsx and the server it started.
  if (server?.pid !== undefined) process.kill(-server.pid, 'SIGTERM');
});

/** A JSON request from the page itself, as src/api/client.ts sends one (its cookie included). */
async function fromPage(
  page: Page,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  return page.evaluate(
    async ({ path, method, body }) => {
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-console-request': '1' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    { path, method: init.method ?? 'GET', body: init.body },
  );
}

async function signInAtProvider(page: Page, email: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a deep link goes through the provider’s sign-in page and comes back; the role decides', async ({
  page,
}) => {
  const providerPage = page.waitForResponse((response) =>
    response.url().startsWith(`${provider}/interaction/`),
  );
  await page.goto(DEEP_LINK);
  await expect(page).toHaveURL(new RegExp(`^${provider}/interaction/`));
  const headers = (await providerPage).headers();
  expect(headers['content-security-policy']).toContain("default-src 'none'");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  // The page names the three demo users and passes axe with no violation at all.
  for (const email of ['viewer@demo.test', 'agent@demo.test', 'admin@demo.test']) {
    await expect(page.getByRole('cell', { name: email })).toBeVisible();
  }
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // A wrong password says so, and keeps what was typed.
  await page.getByLabel('E-mail').fill('agent@demo.test');
  await page.getByLabel('Password').fill('wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('not a demo user');
  await expect(page.getByLabel('E-mail')).toHaveValue('agent@demo.test');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await signInAtProvider(page, 'agent@demo.test');
  await expect(page).toHaveURL(DEEP_LINK);
  await expect(page.getByRole('link', { name: /Northwind/ }).first()).toBeVisible();

  const session = await fromPage(page, '/console/session');
  expect(session.status).toBe(200);
  expect(session.body).toMatchObject({
    mode: 'demo',
    role: 'agent',
    user: { email: 'agent@demo.test', name: 'Alex Agent' },
    operations: ['list', 'search', 'get', 'update', 'contacts', 'contactsCount'],
  });

  const create = await fromPage(page, API, { method: 'POST', body: { name: 'Agent-made Ltd' } });
  expect(create.status).toBe(403);
  expect(create.body).toMatchObject({ requiredRole: 'admin', role: 'agent', operation: 'create' });
  expect(create.body.error).toContain('needs the admin role');

  const found = await fromPage(page, `${API}/search?query=Northwind&page=1&pageSize=1`);
  const hits = (found.body.results as { hits: { organization: { id: string; name: string } }[] })
    .hits;
  const northwind = hits[0]!.organization;
  const update = await fromPage(page, `${API}/${encodeURIComponent(northwind.id)}`, {
    method: 'PATCH',
    body: { organization: { industry: 'Wholesale (checked by the agent)', variables: {} } },
  });
  expect(update.status).toBe(200);

  // Sign out: the session ends at once, the provider asks, and the console says so.
  const signOut = await fromPage(page, '/console/sign-out', { method: 'POST' });
  expect(signOut.status).toBe(200);
  expect((await fromPage(page, API)).status).toBe(401);
  await page.goto(signOut.body.redirectTo as string);
  await expect(page.getByRole('heading', { name: 'Sign out of the demo provider?' })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(`${origin}/console/signed-out`);
  await expect(page.getByRole('heading', { name: 'You have signed out' })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // The next page load goes to sign-in; an admin then reads who did what.
  await page.goto(DEEP_LINK);
  await expect(page).toHaveURL(new RegExp(`^${provider}/interaction/`));
  await signInAtProvider(page, 'admin@demo.test');
  await expect(page).toHaveURL(DEEP_LINK);
  const audit = await fromPage(page, '/console/audit?limit=10');
  expect(audit.status).toBe(200);
  const entries = audit.body.entries as Record<string, unknown>[];
  expect(entries.slice(0, 2)).toMatchObject([
    {
      actorEmail: 'agent@demo.test',
      operation: 'update',
      organizationId: northwind.id,
      organizationName: northwind.name,
      after: { industry: 'Wholesale (checked by the agent)' },
      status: 200,
    },
    { actorEmail: 'agent@demo.test', operation: 'create', status: 403 },
  ]);
});
