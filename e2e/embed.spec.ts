// The lookup page as a Chatwoot Dashboard App: a console with EMBED_ALLOWED_ORIGINS set (its own
// process on EMBED_E2E_PORT, default E2E_PORT + 15), framed by a host page on another site
// (127.0.0.1, not localhost) on the allowed origin (E2E_PORT + 16), which posts Chatwoot's
// `appContext` message; and by a host on an origin not allowed (E2E_PORT + 17), which the browser
// must refuse to frame it for (frame-ancestors).
import { createServer, type Server } from 'node:http';
import type { Page } from '@playwright/test';
import { consoleProcess, type ConsoleProcess } from './console-process.ts';
import { AS_API_CLIENT } from './api-client.ts';
import { CHATBOT, expect, test, uniqueName } from './fixtures.ts';

const basePort = Number(process.env.E2E_PORT ?? 4180);
const consolePort = Number(process.env.EMBED_E2E_PORT ?? basePort + 15);
const allowedPort = consolePort + 1;
const otherPort = consolePort + 2;
const allowedOrigin = `http://127.0.0.1:${allowedPort}`;
const consoleOrigin = `http://localhost:${consolePort}`;
const lookupUrl = `${consoleOrigin}/chatbots/${CHATBOT}/lookup`;

/** A chat tool's page: the lookup in a frame, and what the frame asked of its parent. */
function hostPage(): string {
  return `<!doctype html><html lang="en"><title>Chat tool</title>
<h1>Conversation</h1>
<iframe id="app" title="Organizations" src="${lookupUrl}" width="420" height="640"
  onload="document.body.dataset.frameLoaded = '1'"></iframe>
<script>
  window.addEventListener('message', (event) => {
    if (event.data === 'chatwoot-dashboard-app:fetch-info') {
      document.body.dataset.askedBy = event.origin;
    }
  });
</script>`;
}

function serveHost(port: number): Promise<Server> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(hostPage());
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

let consoleServer: ConsoleProcess;
let hosts: Server[] = [];
test.beforeAll(async () => {
  test.setTimeout(180_000);
  consoleServer = consoleProcess({
    port: consolePort,
    env: { EMBED_ALLOWED_ORIGINS: allowedOrigin },
  });
  [hosts] = await Promise.all([
    Promise.all([serveHost(allowedPort), serveHost(otherPort)]),
    consoleServer.start(),
  ]);
});
test.afterAll(async () => {
  await Promise.all(hosts.map((host) => new Promise((resolve) => host.close(resolve))));
  await consoleServer.dispose();
});

/** Chatwoot's message as it sends it: a JSON string. */
function appContext(contact: Record<string, unknown>): string {
  return JSON.stringify({
    event: 'appContext',
    data: { conversation: { id: 7 }, contact, currentAgent: { id: 1, name: 'Agent' } },
  });
}

async function post(page: Page, message: string, targetOrigin = consoleOrigin) {
  await page.evaluate(
    ([data, target]) => {
      const frame = document.getElementById('app') as HTMLIFrameElement;
      frame.contentWindow!.postMessage(data, target!);
    },
    [message, targetOrigin] as const,
  );
}

test('an allowed chat tool frames the lookup, which asks for the context and searches it', async ({
  page,
  request,
}) => {
  const tag = uniqueName('x').split(' ')[1]!;
  const domain = `embed-${tag}.example`;
  const created = await request.post(`${consoleOrigin}/v1/chatbots/${CHATBOT}/organizations`, {
    headers: AS_API_CLIENT,
    data: { name: `Framed Company ${tag}`, website: `https://${domain}` },
  });
  expect(created.status()).toBe(201);
  const searched: string[] = [];
  page.on('request', (sent) => {
    const url = new URL(sent.url());
    if (url.pathname.endsWith('/organizations/search'))
      searched.push(url.searchParams.get('query')!);
  });

  await page.goto(`${allowedOrigin}/`);
  const frame = page.frameLocator('#app');
  const box = frame.getByRole('searchbox', { name: 'Look up an organization' });
  await expect(box).toBeVisible();
  // The page asked its parent (and only the allowed origin) for the conversation's context.
  await expect(page.locator('body')).toHaveAttribute('data-asked-by', consoleOrigin);

  // An untrusted hint that fails the checks is ignored: not an e-mail, no company.
  await post(page, appContext({ name: 'Mallory', email: 'not an address <script>' }));
  // A message the lookup posts to itself comes from its own origin, not an allowed one: ignored.
  await page
    .frame({ url: lookupUrl })!
    .evaluate(
      (data) => window.postMessage(data, '*'),
      appContext({ email: `self@ignored-${tag}.example` }),
    );
  // Chatwoot's context: the contact's e-mail domain is searched at once.
  await post(page, appContext({ name: 'Ada', email: `ada@${domain}`, phone_number: '+1' }));
  const row = frame.getByRole('list', { name: 'Organizations found' }).getByRole('listitem');
  await expect(row.getByRole('link', { name: `Framed Company ${tag}` })).toBeVisible();
  await expect(box).toHaveValue(domain);
  // Opened in a new tab from the frame: the full console is not squeezed into the panel.
  await expect(row.getByRole('link', { name: `Framed Company ${tag}` })).toHaveAttribute(
    'target',
    '_blank',
  );
  // The domain is searched by its distinctive label (no TLD), the hits kept by their domain.
  expect(searched).toContain(`embed-${tag}`);
  expect(searched.some((query) => query.includes('ignored') || query.includes('Mallory'))).toBe(
    false,
  );

  // The company name, when Chatwoot has one, is tried first.
  await post(
    page,
    appContext({
      email: 'b@gmail.com',
      additional_attributes: { company_name: `Framed Company ${tag}` },
    }),
  );
  await expect(box).toHaveValue(`Framed Company ${tag}`);
  await expect(row.getByRole('link', { name: `Framed Company ${tag}` })).toBeVisible();
});

test('a chat tool on an origin not allowed cannot frame the lookup', async ({ page }) => {
  const lookupResponse = page.waitForResponse((response) => response.url() === lookupUrl);
  await page.goto(`http://127.0.0.1:${otherPort}/`);
  const response = await lookupResponse;
  expect(response.headers()['content-security-policy']).toContain(
    `frame-ancestors ${allowedOrigin};`,
  );
  await expect(page.locator('body')).toHaveAttribute('data-frame-loaded', '1');
  // The browser refused the page inside the frame: no lookup, and no request for the context.
  await expect(page.frameLocator('#app').getByRole('searchbox')).toHaveCount(0);
  await expect(page.locator('body')).not.toHaveAttribute('data-asked-by', /.+/);
});

test('every other page of the console refuses to be framed, even by the allowed origin', async ({
  request,
}) => {
  for (const path of [`/chatbots/${CHATBOT}/organizations`, '/', '/audit']) {
    const response = await request.get(`${consoleOrigin}${path}`, {
      headers: { accept: 'text/html' },
    });
    expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers()['x-frame-options']).toBe('DENY');
  }
});
