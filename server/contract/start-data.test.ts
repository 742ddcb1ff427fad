// The page's first data (page-html.ts, static.ts): fetched through the console's own app (so the
// pipeline and the server's key apply), embedded as escaped JSON after #root, and left out — the
// page sent with its frame alone — when it is late or fails. A stand-in for src/prerender.tsx
// drives each case by its URL.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleUnderTest, type ConsoleUnderTest } from './console-under-test.ts';

const INDEX_HTML =
  '<!doctype html><title>Organizations Console</title>' +
  '<div id="root"></div><script type="module" src="/assets/index-B4x9Qd1e.js"></script>';
const RENDER_MODULE = `
export async function loadStartData(url, transport, signal) {
  if (url.includes('slow')) return new Promise(() => {});
  if (url.includes('fail')) throw new Error('the API failed');
  const path = '/v1/chatbots/demo/organizations?limit=2';
  const response = await transport(path, { headers: { accept: 'application/json' }, signal });
  return {
    version: 1,
    nowMs: 1,
    rendered: true,
    answers: [{ url: path, status: response.status, body: await response.json() }],
    hostile: '</script><script>alert(1)</script><!--\\u2028',
  };
}
export function renderStartPage(url, data) {
  return data ? '<p>rows: ' + data.answers[0].body.organizations.length + '</p>' : '<p>frame</p>';
}`;

let subject: ConsoleUnderTest;
beforeAll(() => {
  subject = startConsoleUnderTest(3);
  writeFileSync(join(subject.distDir, 'index.html'), INDEX_HTML);
  mkdirSync(join(subject.distDir, 'ssr'));
  writeFileSync(join(subject.distDir, 'ssr', 'prerender.js'), RENDER_MODULE);
});
afterAll(() => subject.close());

async function page(path: string): Promise<string> {
  const response = await subject.app.request(path, { headers: { Accept: 'text/html' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('private, no-cache');
  return response.text();
}

const dataScript = (html: string) =>
  /<script type="application\/json" id="console-start-data">([^<]*)<\/script>/.exec(html)?.[1];

describe("the page's first data", () => {
  it('is fetched through the app with the server key, rendered and embedded after #root', async () => {
    const html = await page('/chatbots/demo/organizations');
    expect(html).toContain('<div id="root"><p>rows: 2</p></div><script type="application/json"');
    const text = dataScript(html);
    expect(text).toBeDefined();
    const data = JSON.parse(text!) as { answers: { status: number }[]; hostile: string };
    expect(data.answers[0]!.status).toBe(200);
    // Read back whole: the string could not end the element or open another.
    expect(data.hostile).toBe('</script><script>alert(1)</script><!--\u2028');
    expect(html).not.toContain('sandbox-full-access');
    expect(html.endsWith('<script type="module" src="/assets/index-B4x9Qd1e.js"></script>')).toBe(
      true,
    );
  });

  it.each([
    ['late', '/chatbots/slow/organizations'],
    ['failing', '/chatbots/fail/organizations'],
  ])('is left out when %s: the frame alone', async (_case, path) => {
    // A late answer that never comes: without the time limit this request would never end.
    const html = await page(path);
    expect(html).toContain('<div id="root"><p>frame</p></div>');
    expect(dataScript(html)).toBeUndefined();
  });

  it('is not fetched for a HEAD request', async () => {
    const response = await subject.app.request('/chatbots/demo/organizations', {
      method: 'HEAD',
      headers: { Accept: 'text/html' },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});
