import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
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
