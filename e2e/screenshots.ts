// Screenshots for a person to look at (every page at 390 and 1,440 px, light and dark), written
// only when E2E_SCREENSHOTS=1: a normal test run compares nothing with them, so it takes none.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from '@playwright/test';

export const SCREENSHOTS_WANTED = process.env.E2E_SCREENSHOTS === '1';

/** Writes the page as it is now to `path` (under .tmp/), when E2E_SCREENSHOTS=1. */
export async function saveScreenshot(page: Page, path: string): Promise<void> {
  if (!SCREENSHOTS_WANTED) return;
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path });
}
