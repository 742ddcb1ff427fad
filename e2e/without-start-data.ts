// The console server sends a list page with its first page of organizations (server/page-html.ts),
// so the browser never asks for that page: a test that fakes the browser's first list request
// must load a page that comes without. This takes the real page from the real server and leaves
// out what its first data added: the rows rendered into #root and the data script after it. The
// browser then draws the page itself and asks for the first page, as it does whenever the server
// had no data to send (late, failed, or START_DATA_TIMEOUT_MS=0).
import { expect, type Page } from '@playwright/test';

const ROOT = '<div id="root">';
const DATA_SCRIPT_START = '<script type="application/json" id="console-start-data">';
const SCRIPT_END = '</script>';

/** `html` with an empty #root and no start data (unchanged when it carries none). */
export function stripStartData(html: string): string {
  const rootAt = html.indexOf(ROOT);
  const dataAt = html.indexOf(DATA_SCRIPT_START);
  if (rootAt === -1 || dataAt === -1) return html;
  const dataEnd = html.indexOf(SCRIPT_END, dataAt);
  if (dataEnd === -1) return html;
  return `${html.slice(0, rootAt)}${ROOT}</div>${html.slice(dataEnd + SCRIPT_END.length)}`;
}

/**
 * Opens `path` (a page of the console) as sent without its first data: the browser asks for it
 * itself, so the routes a test set up for the API see that first request.
 */
export async function gotoWithoutStartData(page: Page, path: string): Promise<void> {
  const served: string[] = [];
  const isThePage = (url: URL) => url.pathname === path;
  await page.route(isThePage, async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    const response = await route.fetch();
    const html = stripStartData(await response.text());
    served.push(html);
    return route.fulfill({ response, body: html });
  });
  await page.goto(path);
  await page.unroute(isThePage);
  // The page really came without data for the browser to adopt.
  expect(served).toHaveLength(1);
  expect(served[0]).not.toContain(DATA_SCRIPT_START);
}
