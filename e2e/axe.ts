import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

async function violations(page: Page, include: readonly string[]): Promise<Violation[]> {
  let builder = new AxeBuilder({ page });
  for (const selector of include) builder = builder.include(selector);
  const results = await builder.analyze();
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
  }));
}

/** Fails on any serious or critical axe violation of the page as it is now. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const found = await violations(page, []);
  expect(found.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
}

/**
 * Fails on any axe violation at all, of whatever impact, in the parts of the page named by
 * `include` (CSS selectors; the whole page when empty). Scoped scans stay fast on a busy machine.
 */
export async function expectNoA11yViolations(
  page: Page,
  include: readonly string[] = [],
): Promise<void> {
  expect(await violations(page, include)).toEqual([]);
}
