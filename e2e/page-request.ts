import type { Page } from '@playwright/test';

/** A JSON request from the page itself, as src/api/client.ts sends one (its cookie included). */
export async function fromPage(
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
