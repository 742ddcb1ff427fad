// What a page reports as going wrong: console errors and uncaught exceptions, collected from the
// moment this is called, for a test that expects none.
import type { Page } from '@playwright/test';

/** The page's console errors and uncaught exceptions, in order; the array fills as they come. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
