// The organization page end to end: create, edit, search, delete; every field's bad input; the
// unsaved-changes guard; a failed save (rollback, input kept, retry); lost updates; hostile
// strings on every tab; axe; screenshots in both colour schemes.
import { readFileSync } from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { saveScreenshot } from './screenshots.ts';
import { exceedsCharacters, FIELD_LIMITS } from '../server/sandbox/validation/field-limits.ts';
import { AS_API_CLIENT } from './api-client.ts';

const CHATBOT = 'demo';
const API = `/v1/chatbots/${CHATBOT}/organizations`;
const LIST = `/chatbots/${CHATBOT}/organizations`;
const SCREENSHOTS = '.tmp/org';
const hostileStrings = JSON.parse(
  readFileSync(new URL('../fixtures/hostile-strings.json', import.meta.url), 'utf8'),
) as string[];

interface Organization {
  id: string;
  name: string;
  updated: string;
  industry?: string;
  email?: string;
  variables: Record<string, string>;
}

function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

async function getThroughApi(request: APIRequestContext, id: string) {
  const response = await request.get(`${API}/${encodeURIComponent(id)}`);
  return {
    status: response.status(),
    organization: ((await response.json()) as { organization?: Organization }).organization,
  };
}

async function deleteThroughApi(request: APIRequestContext, id: string) {
  await request.delete(`${API}/${encodeURIComponent(id)}`, { headers: AS_API_CLIENT });
}

function organizationUrl(id: string, tab = '') {
  return `${LIST}/${encodeURIComponent(id)}${tab === '' ? '' : `/${tab}`}`;
}

function field(page: Page, label: string | RegExp) {
  return page.getByRole('textbox', { name: label });
}

const saveButton = (page: Page) => page.getByRole('button', { name: 'Save changes' });

test.describe('organization page', () => {
  test('create → in the list → edit → search finds the new name → delete → gone', async ({
    page,
  }) => {
    const name = uniqueName('E2E Lifecycle');
    const renamed = `${name} Renamed`;

    await page.goto(LIST);
    await page.getByRole('link', { name: 'New organization' }).click();
    await expect(page).toHaveURL(`${LIST}/new`);
    await expect(page.getByText('Can be set only now, when creating')).toBeVisible();
    await field(page, /^Name/).fill(`  ${name}  `);
    await field(page, 'Email').fill('hello@lifecycle.example');
    await field(page, 'Website').fill('https://lifecycle.example');
    await field(page, 'Size (employees)').fill('42');
    await field(page, 'City').fill('Hamburg');
    await field(page, 'Country').fill('Germany');
    await field(page, /^Phone number/).fill('+49 40 123456');
    await page.getByRole('button', { name: 'Create organization' }).click();

    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
    expect(id).not.toBe('new');
    await expect(page.getByText('Hamburg')).toBeVisible();

    // At the top of the list, without a reload.
    await page.getByRole('link', { name: 'All organizations' }).click();
    await expect(page).toHaveURL(LIST);
    await expect(page.getByRole('link', { name: new RegExp(name) }).first()).toBeVisible();

    // Edit the name.
    await page.goto(organizationUrl(id, 'edit'));
    await field(page, /^Name/).fill(renamed);
    await expect(saveButton(page)).toBeEnabled();
    await saveButton(page).click();
    await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
    await expect(saveButton(page)).toBeDisabled();

    // Search finds the new name.
    await page.goto(`${LIST}?q=${encodeURIComponent(renamed)}`);
    await expect(page.getByRole('link', { name: new RegExp(renamed) }).first()).toBeVisible();

    // Delete, confirming by name, from the list.
    await page.goto(LIST);
    await page
      .getByRole('link', { name: new RegExp(renamed) })
      .first()
      .click();
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete organization?' });
    await expect(dialog).toContainText(renamed);
    await dialog.getByRole('button', { name: 'Delete organization' }).click();
    await expect(page).toHaveURL(LIST);
    await expect(page.getByRole('link', { name: new RegExp(renamed) })).toHaveCount(0);
    expect((await getThroughApi(page.request, id)).status).toBe(404);

    await page.goto(`${LIST}?q=${encodeURIComponent(renamed)}`);
    // Wait for the search's answer (a summary or "no match"), then: the deleted one is not in it.
    await expect(
      page.getByText(/No organization matches|of [\d,]+ organizations/).first(),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: new RegExp(renamed) })).toHaveCount(0);
  });

  test('every field refuses bad input inline, in plain words, before anything is sent', async ({
    page,
    organizations,
  }) => {
    const organization = await organizations.create({
      name: uniqueName('E2E Bad input'),
      size: 10,
    });
    const patches: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PATCH' && request.url().includes(organization.id)) {
        patches.push(request.url());
      }
    });
    await page.goto(organizationUrl(organization.id, 'edit'));
    await expect(field(page, /^Name/)).toHaveValue(organization.name);

    const cases: [string | RegExp, string, string][] = [
      [/^Name/, '   ', 'Enter a name.'],
      ['Email', 'someone@', 'Enter an email address like name@example.com'],
      ['Website', 'example.com', 'Start the web address with http:// or https://'],
      ['Website', 'javascript:alert(1)', 'Start the web address with http:// or https://'],
      ['Website', 'https://exa mple.com', 'Enter a web address like https://example.com'],
      ['Size (employees)', '12.5', 'Enter the number of employees as a whole number'],
      ['Size (employees)', '-4', 'Enter the number of employees as a whole number'],
      ['Size (employees)', '', 'The API cannot remove a size once set'],
    ];
    for (const [label, value, message] of cases) {
      const input = field(page, label);
      const before = await input.inputValue();
      await input.fill(value);
      await expect(page.getByText(message)).toBeVisible();
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      await expect(saveButton(page)).toBeDisabled();
      await input.press('Enter');
      await input.fill(before);
      await expect(page.getByText(message)).toHaveCount(0);
    }

    await page.getByRole('button', { name: 'Add variable' }).click();
    await expect(page.getByText('Enter a name for this variable, or remove it.')).toBeVisible();
    await field(page, 'Variable 1 name').fill('plan');
    await page.getByRole('button', { name: 'Add variable' }).click();
    await field(page, 'Variable 2 name').fill(' plan ');
    await expect(page.getByText('Another variable already has this name.')).toBeVisible();
    await expect(saveButton(page)).toBeDisabled();
    await page.getByRole('button', { name: 'Remove variable 2' }).click();
    await expect(saveButton(page)).toBeEnabled();
    expect(patches).toEqual([]);

    // The create form: the phone number too.
    await page.goto(`${LIST}/new`);
    await field(page, /^Phone number/).fill('call me maybe');
    await expect(page.getByText('Use digits, spaces and + ( ) - . / only')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create organization' })).toBeDisabled();
    await deleteThroughApi(page.request, organization.id);
  });

  test('unsaved changes: tab switch, link, back button and closing the tab ask first', async ({
    page,
    organizations,
  }) => {
    const name = uniqueName('E2E Guard');
    const organization = await organizations.create({ name });
    // In-app navigation from the list (the newest organization is at its top), so Back is a
    // history step inside the app rather than a page load.
    await page.goto(LIST);
    await page
      .getByRole('link', { name: new RegExp(name) })
      .first()
      .click();
    await page.getByRole('tab', { name: 'Edit' }).click();
    await expect(page).toHaveURL(organizationUrl(organization.id, 'edit'));
    await field(page, 'Industry').fill('Unsaved industry');

    // Switching tabs keeps the changes (a draft in the browser), without asking.
    await page.getByRole('tab', { name: 'Overview' }).click();
    const guard = page.getByRole('dialog', { name: 'Leave with unsaved changes?' });
    await expect(page.getByRole('tab', { name: /Edit/ })).toContainText('Unsaved');
    await expect(guard).toHaveCount(0);
    await page.getByRole('tab', { name: /Edit/ }).click();
    await expect(field(page, 'Industry')).toHaveValue('Unsaved industry');

    // The back button.
    await page.goBack();
    await expect(guard).toBeVisible();
    await guard.getByRole('button', { name: 'Stay and keep editing' }).click();
    await expect(page).toHaveURL(organizationUrl(organization.id, 'edit'));
    await expect(field(page, 'Industry')).toHaveValue('Unsaved industry');

    // Closing (or reloading) the browser tab: the browser's own question.
    const beforeUnload = new Promise<string>((resolve) => {
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      });
    });
    await page.close({ runBeforeUnload: true });
    expect(await beforeUnload).toBe('beforeunload');
    await deleteThroughApi(page.request, organization.id).catch(() => {});
  });

  test('a link away asks, and leaving discards', async ({ page, organizations }) => {
    const organization = await organizations.create({ name: uniqueName('E2E Leave') });
    await page.goto(organizationUrl(organization.id, 'edit'));
    await field(page, 'Industry').fill('Will be discarded');
    await page.getByRole('link', { name: 'All organizations' }).click();
    const guard = page.getByRole('dialog', { name: 'Leave with unsaved changes?' });
    await guard.getByRole('button', { name: 'Discard changes and leave' }).click();
    await expect(page).toHaveURL(LIST);
    expect(
      (await getThroughApi(page.request, organization.id)).organization?.industry,
    ).toBeUndefined();
    await deleteThroughApi(page.request, organization.id);
  });

  test('a failed save: the server error beside the form, rollback shown, input kept, retry succeeds', async ({
    page,
    organizations,
  }) => {
    const name = uniqueName('E2E Failure');
    const organization = await organizations.create({ name });
    const detailUrl = `**${API}/${encodeURIComponent(organization.id)}`;
    let failing = true;
    await page.route(detailUrl, async (route) => {
      if (route.request().method() === 'PATCH' && failing) {
        await route.fulfill({ status: 400, json: { error: 'organization.name is refused today' } });
        return;
      }
      await route.continue();
    });

    await page.goto(organizationUrl(organization.id, 'edit'));
    const newName = `${name} Changed`;
    await field(page, /^Name/).fill(newName);
    await saveButton(page).click();

    const failure = page.getByRole('alert').filter({ hasText: 'The changes were not saved' });
    await expect(failure).toContainText('organization.name is refused today');
    await expect(page.getByText('Changes not saved')).toBeVisible();
    // Rolled back: the page shows the saved name again; the form keeps what was typed.
    await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
    await expect(field(page, /^Name/)).toHaveValue(newName);
    expect((await getThroughApi(page.request, organization.id)).organization?.name).toBe(name);

    failing = false;
    await failure.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('heading', { level: 1, name: newName })).toBeVisible();
    await expect(failure).toBeHidden();
    expect((await getThroughApi(page.request, organization.id)).organization?.name).toBe(newName);
    await deleteThroughApi(page.request, organization.id);
  });

  test('a 403 names the missing permission in words, then Save is disabled with that reason', async ({
    page,
    organizations,
  }) => {
    const organization = await organizations.create({
      name: uniqueName('E2E Forbidden'),
    });
    await page.route(`**${API}/${encodeURIComponent(organization.id)}`, async (route) => {
      if (route.request().method() === 'PATCH') {
        await route.fulfill({ status: 403, json: { error: 'Insufficient permissions.' } });
        return;
      }
      await route.continue();
    });
    await page.goto(organizationUrl(organization.id, 'edit'));
    await field(page, 'Industry').fill('Forbidden change');
    await saveButton(page).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'The changes were not saved' }),
    ).toContainText('not allowed to edit organizations');
    await expect(page.getByText('Editing is not available')).toBeVisible();
    await expect(page.getByText(/may not edit organizations/)).toContainText(
      'chatbots.organizations.edit',
    );
    await expect(field(page, 'Industry')).toBeDisabled();
    await expect(field(page, 'Industry')).toHaveValue('Forbidden change');
    await expect(saveButton(page)).toHaveCount(0);
    await deleteThroughApi(page.request, organization.id);
  });

  test('lost update: a change saved meanwhile is shown; save mine on top, or discard', async ({
    page,
    organizations,
  }) => {
    const name = uniqueName('E2E Lost update');
    const organization = await organizations.create({ name, industry: 'Original' });
    await page.goto(organizationUrl(organization.id, 'edit'));
    await field(page, 'Industry').fill('Mine');

    // Someone else renames it while the form is open.
    const other = await page.request.patch(`${API}/${encodeURIComponent(organization.id)}`, {
      data: { organization: { name: `${name} (theirs)`, variables: {} } },
      headers: AS_API_CLIENT,
    });
    expect(other.status()).toBe(200);

    await saveButton(page).click();
    const review = page.getByRole('dialog', { name: 'This organization was changed meanwhile' });
    await expect(review).toBeVisible();
    const rows = review.getByRole('table', { name: 'Your changes and the other changes' });
    await expect(rows.getByRole('row', { name: /Name/ })).toContainText(`${name} (theirs)`);
    await expect(rows.getByRole('row', { name: /Industry/ })).toContainText('Mine');
    await review.getByRole('button', { name: 'Save my changes on top of theirs' }).click();
    await expect(review).toBeHidden();
    let stored = (await getThroughApi(page.request, organization.id)).organization;
    expect(stored?.industry).toBe('Mine');
    // Only the field changed here is sent: their new name stays.
    expect(stored?.name).toBe(`${name} (theirs)`);

    // Again, this time taking theirs.
    await field(page, 'Industry').fill('Mine again');
    await page.request.patch(`${API}/${encodeURIComponent(organization.id)}`, {
      data: { organization: { industry: 'Theirs', variables: {} } },
      headers: AS_API_CLIENT,
    });
    await saveButton(page).click();
    await review.getByRole('button', { name: 'Discard mine, load theirs' }).click();
    await expect(field(page, 'Industry')).toHaveValue('Theirs');
    await expect(saveButton(page)).toBeDisabled();
    stored = (await getThroughApi(page.request, organization.id)).organization;
    expect(stored?.industry).toBe('Theirs');
    await deleteThroughApi(page.request, organization.id);
  });

  test('an unknown id shows a not-found screen with a way back', async ({ page }) => {
    await page.goto(organizationUrl('no-such-organization-id'));
    await expect(page.getByRole('heading', { name: 'Organization not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to organizations' }).click();
    await expect(page).toHaveURL(LIST);
  });

  test('hostile strings stay text on the overview, edit form and delete dialog', async ({
    page,
    organizations,
  }) => {
    test.setTimeout(300_000);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const text of hostileStrings.filter((value) => value.trim() !== '')) {
      // The longest string is longer than an email or a website may be (sandbox limits).
      const organization = await organizations.create({
        name: text,
        ...(exceedsCharacters(text, FIELD_LIMITS.email) ? {} : { email: text }),
        ...(exceedsCharacters(text, FIELD_LIMITS.website) ? {} : { website: text }),
        industry: text,
        address: { street: text, houseNumber: text, zipcode: text, location: text, country: text },
      });
      const updated = await page.request.patch(`${API}/${encodeURIComponent(organization.id)}`, {
        data: { organization: { variables: { [text]: text, note: text } } },
        headers: AS_API_CLIENT,
      });
      expect(updated.status()).toBe(200);
      await page.goto(organizationUrl(organization.id));
      await expect(page.getByRole('tab', { name: 'Overview', selected: true })).toBeVisible();
      // Only an http(s) URL becomes a link; none of these is one.
      await expect(page.getByRole('row', { name: /^Website/ }).getByRole('link')).toHaveCount(0);
      await expect(page.getByRole('table', { name: 'Variables' })).toContainText('note');

      await page.getByRole('tab', { name: 'Edit' }).click();
      await expect(field(page, /^Name/)).toHaveValue(text.replace(/[\r\n]/g, ''));
      await page.getByRole('button', { name: 'Delete' }).click();
      await expect(page.getByRole('dialog', { name: 'Delete organization?' })).toBeVisible();
      await page.getByRole('button', { name: 'Cancel' }).click();

      expect(await page.locator('img[src="x"], svg[onload], a[href^="javascript" i]').count()).toBe(
        0,
      );
      await deleteThroughApi(page.request, organization.id);
    }
    expect(dialogs).toEqual([]);
  });

  test('seeded hostile organizations: their contacts tab shows every string as text', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const query of ['onerror', 'script', 'javascript', 'DROP', 'mark', 'constructor']) {
      const search = await page.request.get(
        `${API}/search?query=${encodeURIComponent(query)}&page=1&pageSize=20`,
      );
      const hits = (
        (await search.json()) as { results: { hits: { organization: Organization }[] } }
      ).results.hits;
      // A seeded one (named exactly as a fixture string), not one another test made meanwhile.
      const target = hits.find(
        (hit) =>
          hit.organization.name.includes(query) && hostileStrings.includes(hit.organization.name),
      )?.organization;
      expect(target, `a seeded organization named with "${query}"`).toBeDefined();
      await page.goto(organizationUrl(target!.id, 'contacts'));
      await expect(page.getByRole('status').filter({ hasText: /contacts?$/ })).toBeVisible();
      // The seed gives each hostile organization a contact carrying the same string.
      await expect(page.getByRole('table', { name: 'Contacts' })).toContainText(
        target!.name.trim(),
      );
      expect(await page.locator('img[src="x"], svg[onload], a[href^="javascript" i]').count()).toBe(
        0,
      );
    }
    expect(dialogs).toEqual([]);
  });

  test('contacts: the badge and the table agree; filter and sort; 500+ rows stay virtual', async ({
    page,
  }) => {
    const search = await page.request.get(`${API}/search?query=Northwind&page=1&pageSize=1`);
    const northwind = (
      (await search.json()) as { results: { hits: { organization: Organization }[] } }
    ).results.hits[0]!.organization;
    await page.goto(organizationUrl(northwind.id, 'contacts'));
    const badge = page.getByRole('tab', { name: /Contacts/ });
    await expect(badge).toContainText(/\d/);
    const count = Number((await badge.innerText()).replace(/\D/g, ''));
    expect(count).toBeGreaterThan(500);
    await expect(page.getByRole('status').filter({ hasText: /contacts$/ })).toHaveText(
      `${count.toLocaleString('en')} contacts`,
    );
    const domRows = await page.locator('tbody tr[data-index]').count();
    expect(domRows).toBeGreaterThan(5);
    expect(domRows).toBeLessThan(80);

    const firstName = (await page.locator('tbody tr[data-index]').first().innerText()).split(
      '\n',
    )[0]!;
    await page.getByRole('textbox', { name: 'Filter contacts' }).fill(firstName.trim());
    await expect(page.getByRole('status').filter({ hasText: /of .* contacts/ })).toBeVisible();

    await page.getByRole('textbox', { name: 'Filter contacts' }).fill('');
    const sort = page.getByLabel('Sort by', { exact: true }).first();
    await sort.click();
    await page.getByRole('option', { name: 'Newest first' }).click();
    await expect(sort).toHaveValue('Newest first');

    // Links to the other organizations a contact belongs to (the row's last cell).
    const otherLink = page.locator('tbody tr[data-index] td:last-child a').first();
    if ((await otherLink.count()) > 0) {
      await expect(otherLink).toHaveAttribute('href', /\/organizations\//);
    }
    // A contact's e-mail is a mailto: link with a copy button beside it.
    const firstWithEmail = page
      .locator('tbody tr[data-index]')
      .filter({ has: page.locator('a[href^="mailto:"]') })
      .first();
    await expect(firstWithEmail.locator('a[href^="mailto:"]')).toHaveAttribute(
      'href',
      /^mailto:.+@.+/,
    );
    await expect(firstWithEmail.getByRole('button', { name: /^Copy email of / })).toBeVisible();
  });

  test('no serious accessibility violations; screenshots light and dark', async ({ page }) => {
    test.setTimeout(240_000);
    const search = await page.request.get(`${API}/search?query=Northwind&page=1&pageSize=1`);
    const northwind = (
      (await search.json()) as { results: { hits: { organization: Organization }[] } }
    ).results.hits[0]!.organization;
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const tab of ['', 'contacts', 'edit']) {
        await page.goto(organizationUrl(northwind.id, tab));
        await expect(page.getByRole('tab', { selected: true })).toBeVisible();
        await page.waitForLoadState('networkidle');
        await expectNoSeriousA11yViolations(page);
        await saveScreenshot(
          page,
          `${SCREENSHOTS}/organization-${tab || 'overview'}-${scheme}.png`,
        );
      }
      await page.goto(`${LIST}/new`);
      await expectNoSeriousA11yViolations(page);
      await saveScreenshot(page, `${SCREENSHOTS}/organization-new-${scheme}.png`);
    }
  });
});
