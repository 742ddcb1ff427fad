import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { installProbes } from './page-probes.ts';

/** The benchmark's viewport: the e2e tests' (playwright.config.ts). */
export const VIEWPORT = { width: 1366, height: 900 };

/** Debian's Chromium, or the one at CHROMIUM_PATH. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`No Chromium at ${path}: install Debian's chromium or set CHROMIUM_PATH.`);
  }
  return path;
}

/** Headless Chromium with nothing of its own running in the background. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A browser context at the benchmark's viewport with the page probes installed. Also defines
 * `__name`: tsx compiles this code with esbuild's keepNames, which wraps named inner functions
 * of the functions handed to `page.evaluate` in `__name(…)`, a helper the page lacks.
 */
export async function newBenchContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  await context.addInitScript(installProbes);
  return context;
}

/** CPU speeds every browser figure is measured at: full speed, and 4 times slower (a modest laptop). */
export const CPU_RATES = [1, 4] as const;
export type CpuRate = (typeof CPU_RATES)[number];

/**
 * A new page of `context` whose CPU runs `rate` times slower (CDP Emulation.setCPUThrottlingRate,
 * 1: full speed), set before anything loads in it.
 */
export async function newBenchPage(context: BrowserContext, rate: CpuRate): Promise<Page> {
  const page = await context.newPage();
  if (rate !== 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  }
  return page;
}

/** A figure's id, name and budget at `rate`: the ×4 one is its own row beside the full-speed one. */
export function atCpu(
  rate: CpuRate,
  id: string,
  name: string,
  budgets: { full?: number; x4?: number },
): { id: string; name: string; budget: number | undefined } {
  return rate === 1
    ? { id, name, budget: budgets.full }
    : { id: `${id}CpuX${rate}`, name: `${name}, CPU ×${rate}`, budget: budgets.x4 };
}

/**
 * Waits until the list shows rows and React has adopted the page (main.tsx marks
 * `console:ready`): the server's HTML shows rows earlier, but a click on them before then would
 * be a page load, not the app's navigation.
 */
export async function waitForListReady(page: Page, timeoutMs = 60_000): Promise<void> {
  await page
    .locator('[role=table][aria-label="Organizations"] [role=row][data-position]')
    .first()
    .waitFor({ state: 'visible', timeout: timeoutMs });
  await page.waitForFunction(() => performance.getEntriesByName('console:ready').length > 0, null, {
    timeout: timeoutMs,
  });
}
