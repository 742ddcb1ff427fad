// The list page's frame rendered by the console server (page-html.ts over the build's
// dist/ssr/prerender.js): put into #root, its inline script allowed by hash, its code never served,
// and the browser left to render the page when the server render fails or is missing.
import { createHash } from 'node:crypto';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../security-headers.ts';
import { startConsoleUnderTest, type ConsoleUnderTest } from './console-under-test.ts';

const INLINE_SCRIPT = "document.documentElement.dataset.probe = 'ran';";
const INDEX_HTML =
  `<!doctype html><title>Organizations Console</title><script>${INLINE_SCRIPT}</script>` +
  '<div id="root"></div><script type="module" src="/assets/index-B4x9Qd1e.js"></script>';
// Stands in for src/prerender.tsx: a frame for /chatbots/…, nothing elsewhere, a throw on demand.
const RENDER_MODULE = `
export function renderStartPage(url) {
  if (url.includes('explode')) throw new Error('render failed');
  if (!url.startsWith('/chatbots/')) return undefined;
  return '<h1>Organizations</h1><p>' + url.replace(/&/g, '&amp;').replace(/</g, '&lt;') + '</p>';
}`;
const HTML = { Accept: 'text/html' };

let subject: ConsoleUnderTest;
beforeAll(() => {
  subject = startConsoleUnderTest(0);
  writeFileSync(join(subject.distDir, 'index.html'), INDEX_HTML);
  mkdirSync(join(subject.distDir, 'ssr'));
  writeFileSync(join(subject.distDir, 'ssr', 'prerender.js'), RENDER_MODULE);
});
afterAll(() => subject.close());

async function page(path: string): Promise<{ response: Response; html: string }> {
  const response = await subject.app.request(path, { headers: HTML });
  return { response, html: await response.text() };
}

describe('the server render', () => {
  it('puts the frame of a rendered page into #root, and nothing else changes', async () => {
    const { response, html } = await page('/chatbots/demo/organizations');
    expect(response.status).toBe(200);
    expect(html).toBe(
      INDEX_HTML.replace(
        '<div id="root"></div>',
        '<div id="root"><h1>Organizations</h1><p>/chatbots/demo/organizations</p></div>',
      ),
    );
  });

  it("keeps $& and $' in the rendered frame as they are", async () => {
    const { html } = await page("/chatbots/a$&b$'c$`d/organizations");
    expect(html).toContain("<p>/chatbots/a$&amp;b$'c$%60d/organizations</p></div>");
    expect(html.match(/<div id="root">/g)).toHaveLength(1);
  });

  it('serves index.html as it is for a page it does not render', async () => {
    expect((await page('/elsewhere')).html).toBe(INDEX_HTML);
  });

  it('serves index.html as it is when the render throws, and logs why', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { response, html } = await page('/chatbots/explode/organizations');
    expect(response.status).toBe(200);
    expect(html).toBe(INDEX_HTML);
    expect(log).toHaveBeenCalledWith(
      expect.stringContaining('/chatbots/explode/organizations failed'),
      expect.any(Error),
    );
    log.mockRestore();
  });

  it.each(['/chatbots/demo/organizations', '/', '/index.html', '/elsewhere'])(
    "allows the page's inline script by its hash (%s)",
    async (path) => {
      const hash = createHash('sha256').update(INLINE_SCRIPT).digest('base64');
      const { response, html } = await page(path);
      expect(html).toContain(INLINE_SCRIPT);
      expect(response.headers.get('content-security-policy')).toBe(
        CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self' 'sha256-${hash}'`),
      );
    },
  );

  it('allows no inline script on any other response', async () => {
    const config = await subject.app.request('/console/config');
    expect(config.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each(['/ssr/prerender.js', '/ssr/', '/ssr/missing.js'])(
    'never serves its code (%s)',
    async (path) => {
      for (const headers of [{}, HTML]) {
        const response = await subject.app.request(path, { headers });
        expect(response.status).toBe(404);
        expect(await response.text()).not.toContain('renderStartPage');
      }
    },
  );

  it('renders with a build made while the server runs', async () => {
    const renderPath = join(subject.distDir, 'ssr', 'prerender.js');
    try {
      writeFileSync(renderPath, "export const renderStartPage = () => '<h1>Rebuilt</h1>';");
      const later = new Date(Date.now() + 60_000);
      utimesSync(renderPath, later, later);
      expect((await page('/chatbots/demo/organizations')).html).toContain(
        '<div id="root"><h1>Rebuilt</h1></div>',
      );
    } finally {
      writeFileSync(renderPath, RENDER_MODULE);
    }
  });
});
