// The console loads in a real browser under its Content-Security-Policy: it renders, logs no
// errors, breaks no CSP rule and has no serious accessibility violation.
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { collectPageErrors } from './page-errors.ts';

declare global {
  interface Window {
    /** CSP violations the page reported, collected by the init script below. */
    cspViolations?: string[];
  }
}

test('the console opens at / and renders cleanly under its security policy', async ({ page }) => {
  const consoleErrors = collectPageErrors(page);
  // Registered before any page script, so a violation during start-up is caught too.
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations?.push(`${event.violatedDirective}: ${event.blockedURI}`);
    });
  });

  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

  // Pages may prefix their own name ("Organizations · Organizations Console").
  await expect(page).toHaveTitle(/Organizations Console$/);
  const heading = page.getByRole('heading', { name: 'Organizations Console' });
  const banner = page.getByRole('banner').filter({ hasText: 'Organizations Console' });
  await expect(heading.or(banner).first()).toBeVisible();

  // Let the first data requests settle, so their errors (if any) are in the log.
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
  expect(consoleErrors).toEqual([]);

  await expectNoSeriousA11yViolations(page);
});

test('in local mode the header says there is no sign-in, and offers the Audit page', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/');
  const header = page.getByRole('banner').first();
  await expect(header.getByText('Local mode: no sign-in')).toBeVisible();
  await expect(header.getByRole('link', { name: 'Audit' })).toBeVisible();
  // Everything in the header fits a 360 px window.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
});
