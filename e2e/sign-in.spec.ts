// Sign-in in Chromium against a console in CONSOLE_AUTH=demo mode, started for this file on its
// own ports (E2E_PORT + 6, its demo provider on E2E_PORT + 7; SIGN_IN_E2E_PORT overrides) over a
// fresh sandbox: the real demo OpenID provider, never a mock. A deep link goes to the provider's
// sign-in page and comes back; the role is the agent's; a create is refused naming admin; sign-out
// ends the session; an admin reads the audit trail.
import { spawn, type ChildProcess } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations } from './axe.ts';
import { fromPage } from './page-request.ts';

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
      // A page waits for its first data as long as a busy machine needs: the test of what the
      // page's HTML carries for a session must not find it sent without.
      START_DATA_TIMEOUT_MS: '20000',
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

  // Sign out from the account menu: the session ends at once, the provider asks, and the console
  // says so. The page's own requests answer 401 from then on; none may send it to sign-in, where
  // the provider's session, still open, would sign the agent straight back in.
  await page
    .getByRole('banner')
    .getByRole('button', { name: /Signed in as/ })
    .click();
  const signOut = page.waitForResponse(
    (response) => response.url() === `${origin}/console/sign-out`,
  );
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  expect((await signOut).status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Sign out of the demo provider?' })).toBeVisible();
  // The console's cookie, sent with the browser context's own request, no longer opens anything.
  expect((await page.request.get(`${origin}${API}`)).status()).toBe(401);
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

// ——— The UI of team access: what each role sees, the session's end mid-edit, the audit trail ———

const LIST_PATH = `${origin}/chatbots/demo/organizations`;
const SHOTS = '.tmp/team-access';

/** Opens `url` signed in as `email` (through the provider's page) and waits for the header. */
async function signedInAt(page: Page, url: string, email: string): Promise<void> {
  await page.goto(url);
  await signInAtProvider(page, email);
  await expect(page).toHaveURL(url);
  // The header names the person once GET /console/session has answered (slow on a busy machine).
  await expect(page.getByRole('banner').getByRole('button', { name: /Signed in as/ })).toBeVisible({
    timeout: 30_000,
  });
}

async function organizationNamed(page: Page, query: string): Promise<{ id: string; name: string }> {
  const found = await fromPage(
    page,
    `${API}/search?query=${encodeURIComponent(query)}&page=1&pageSize=1`,
  );
  return (found.body.results as { hits: { organization: { id: string; name: string } }[] }).hits[0]!
    .organization;
}

function organizationUrl(id: string, tab = ''): string {
  return `${LIST_PATH}/${encodeURIComponent(id)}${tab === '' ? '' : `/${tab}`}`;
}

test('a page’s HTML names organizations only for a session', async ({ page }) => {
  test.setTimeout(180_000);
  await signedInAt(page, LIST_PATH, 'viewer@demo.test');
  const first = await fromPage(page, `${API}?limit=50`);
  const names = (first.body.organizations as { id: string; name: string }[]).filter(({ name }) =>
    /^[\w .-]+$/.test(name),
  );
  const { id, name } = names[0]!;
  const pages = [LIST_PATH, `${LIST_PATH}?q=${encodeURIComponent(name)}`, organizationUrl(id)];

  // Signed out (no cookie, or a session cookie of no session): sign-in, and no name, no data.
  const session = (await page.context().cookies(origin)).find(({ name }) =>
    name.endsWith('console_session'),
  );
  expect(session).toBeDefined();
  for (const cookie of [undefined, `${session!.name}=not-a-session`]) {
    for (const path of pages) {
      const response = await fetch(path, {
        redirect: 'manual',
        headers: { Accept: 'text/html', ...(cookie === undefined ? {} : { Cookie: cookie }) },
      });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toContain('/console/sign-in');
      const html = await response.text();
      expect(html).not.toContain(name);
      expect(html).not.toContain(id);
      expect(html).not.toContain('console-start-data');
    }
  }

  // Signed in: the same pages carry the viewer's data (the list's rows rendered in).
  for (const path of pages) {
    const response = await page.context().request.get(path, {
      headers: { Accept: 'text/html' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toContain('console-start-data');
    expect(html).toContain(id);
  }

  // The lookup page is open to all (it says to sign in itself), but its searches come with it
  // only for a session.
  const lookup = `${LIST_PATH.replace(/organizations$/, 'lookup')}?name=${encodeURIComponent(name)}`;
  for (const cookie of [undefined, `${session!.name}=not-a-session`]) {
    const response = await fetch(lookup, {
      headers: { Accept: 'text/html', ...(cookie === undefined ? {} : { Cookie: cookie }) },
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).not.toContain(id);
    expect(html).not.toContain('console-start-data');
  }
  const signedIn = await page.context().request.get(lookup, { headers: { Accept: 'text/html' } });
  expect(signedIn.status()).toBe(200);
  const lookupHtml = await signedIn.text();
  expect(lookupHtml).toContain('console-start-data');
  expect(lookupHtml).toContain(id);
  // Rendered with its results, the first one chosen, before any script runs.
  expect(lookupHtml).toMatch(/<li[^>]*aria-current="true"/);
  // The browser shows the result from them, asking for no search.
  const searches: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/organizations/search')) searches.push(request.url());
  });
  await page.goto(lookup);
  await expect(page.getByRole('link', { name, exact: true }).first()).toBeVisible();
  expect(searches).toEqual([]);
});

test('a viewer sees every write disabled with the reason, and the server still refuses one', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signedInAt(page, LIST_PATH, 'viewer@demo.test');
  const account = page.getByRole('button', { name: /Vera Viewer/ });
  await expect(account).toContainText('viewer');
  await expect(page.getByRole('button', { name: 'New organization' })).toBeDisabled();
  await expect(
    page.getByText('Your role, viewer, cannot create organizations — ask an admin.'),
  ).toBeVisible();
  // No Audit link for a viewer.
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }),
  ).toHaveCount(0);

  const organization = await organizationNamed(page, 'Northwind');
  await page.goto(organizationUrl(organization.id, 'edit'));
  await expect(page.getByRole('button', { name: 'Delete' })).toBeDisabled();
  await expect(
    page.getByText('Your role, viewer, cannot delete organizations — ask an admin.'),
  ).toBeVisible();
  await expect(
    page.getByText('Your role, viewer, cannot edit organizations — ask an admin.'),
  ).toBeVisible();

  const forced = await fromPage(page, `${API}/${encodeURIComponent(organization.id)}`, {
    method: 'PATCH',
    body: { organization: { industry: 'Forced by a viewer', variables: {} } },
  });
  expect(forced.status).toBe(403);
  expect(forced.body).toMatchObject({ role: 'viewer', requiredRole: 'agent' });
});

test('an agent edits and saves, may not create or delete', async ({ page }) => {
  test.setTimeout(180_000);
  await signedInAt(page, LIST_PATH, 'agent@demo.test');
  await expect(page.getByRole('button', { name: /Alex Agent/ })).toContainText('agent');
  await expect(page.getByRole('button', { name: 'New organization' })).toBeDisabled();
  await expect(
    page.getByText('Your role, agent, cannot create organizations — ask an admin.'),
  ).toBeVisible();

  const organization = await organizationNamed(page, 'Bergmann');
  const editUrl = organizationUrl(organization.id, 'edit');
  await page.goto(editUrl);
  await expect(page.getByRole('button', { name: 'Delete' })).toBeDisabled();
  const industry = page.getByLabel('Industry');
  await industry.fill('Audited by the agent');
  const saved = page.waitForResponse(
    (response) => response.request().method() === 'PATCH' && response.status() === 200,
  );
  await page.getByRole('button', { name: 'Save changes' }).click();
  await saved;
});

test('the session ends mid-edit: Save leads to sign-in and back to the edit, the draft restored', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signedInAt(page, LIST_PATH, 'agent@demo.test');
  const organization = await organizationNamed(page, 'Northwind');
  const editUrl = organizationUrl(organization.id, 'edit');
  await page.goto(editUrl);
  const industry = page.getByLabel('Industry');
  await expect(industry).toBeEditable();
  // Typed key by key, as a person does: the page then has the user activation that lets it ask
  // "Leave site?" on unload. Any such question is recorded and answered "stay".
  const questions: string[] = [];
  page.on('dialog', (dialog) => {
    questions.push(dialog.type());
    void dialog.dismiss();
  });
  await industry.clear();
  await industry.pressSequentially('Typed before the session ended');
  await expect(page.getByText('Unsaved', { exact: true })).toBeVisible();

  // The session ends on the server (revoked: signed out elsewhere) while the form is dirty.
  const ended = await fromPage(page, '/console/sign-out', { method: 'POST' });
  expect(ended.status).toBe(200);
  expect((await fromPage(page, API)).status).toBe(401);
  // The browser's cookies go too (the provider's sign-in among them), so signing in asks again.
  await page.context().clearCookies();

  // Save meets the 401: the page goes to sign-in (no "leave site?" question holds it back)…
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider}/interaction/`));
  await signInAtProvider(page, 'agent@demo.test');
  // …and comes back to the edit, with the changes put back from the draft.
  await expect(page).toHaveURL(editUrl);
  await expect(page.getByText(/Your unsaved changes from .* are back/)).toBeVisible();
  await expect(page.getByLabel('Industry')).toHaveValue('Typed before the session ended');
  expect(questions).toEqual([]);

  const saved = page.waitForResponse(
    (response) => response.request().method() === 'PATCH' && response.status() === 200,
  );
  await page.getByRole('button', { name: 'Save changes' }).click();
  await saved;
  const stored = await fromPage(page, `${API}/${encodeURIComponent(organization.id)}`);
  expect(stored.body.organization).toMatchObject({ industry: 'Typed before the session ended' });
});

test('an admin reads and filters the Audit page; the History tab shows the update before → after', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signedInAt(page, LIST_PATH, 'admin@demo.test');
  // Enabled, it is a link to the new organization's page.
  await expect(page.getByRole('link', { name: 'New organization' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
  await expect(page).toHaveURL(`${origin}/audit`);
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  const entries = page.getByRole('region', { name: 'Audit entries, newest first' });
  await expect(entries.getByRole('article').first()).toBeVisible();

  // Filter by person and operation: the URL carries the filters; only the agent's updates remain.
  await page.getByLabel('Person (e-mail)').fill('agent@demo.test');
  await page.getByLabel('Operation').selectOption('update');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/[?&]person=agent%40demo\.test/);
  await expect(page).toHaveURL(/[?&]operation=update/);
  const bergmann = entries.getByRole('article', { name: /Updated Bergmann/ }).first();
  await expect(bergmann).toContainText('agent@demo.test');
  await expect(bergmann).toContainText('Audited by the agent');
  for (const article of await entries.getByRole('article').all()) {
    await expect(article).toContainText('Updated');
  }
  // A filter that matches nothing says so.
  await page.goto(`${origin}/audit?person=nobody%40demo.test`);
  await expect(page.getByText('No change matches these filters')).toBeVisible();

  // The organization's History tab: the agent's update, before → after, as text.
  const organization = await organizationNamed(page, 'Bergmann');
  await page.goto(organizationUrl(organization.id, 'history'));
  const history = page.getByRole('region', { name: 'Changes to this organization, newest first' });
  const update = history.getByRole('article').filter({ hasText: 'Audited by the agent' }).first();
  await expect(update).toContainText('industry');
  await expect(update).toContainText('changed to');
  await expect(update).toContainText('agent@demo.test');

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(organizationUrl(organization.id, 'history'));
      await expect(history.getByRole('article').first()).toBeVisible();
      await expectNoA11yViolations(page, ['header', 'main']);
      await page.screenshot({ path: `${SHOTS}/history-${scheme}-${width}.png` });
      await page.goto(`${origin}/audit`);
      await expect(entries.getByRole('article').first()).toBeVisible();
      await expectNoA11yViolations(page, ['header', 'main']);
      await page.screenshot({ path: `${SHOTS}/audit-${scheme}-${width}.png` });
      await page.getByRole('button', { name: /Ada Admin|admin@demo\.test/ }).click();
      await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/header-menu-${scheme}-${width}.png` });
      await page.keyboard.press('Escape');
    }
  }
});
