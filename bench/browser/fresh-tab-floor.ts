// What a fresh tab costs before any of the console's own work: a page of one paragraph, first
// with the console's own security headers, then without `Cross-Origin-Opener-Policy`, each opened
// in a fresh tab as the list's warm figure is (interleaved, so both meet the same machine). The
// list's "first rows painted, warm" cannot be below the first of these on the same machine.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from '@playwright/test';
import { SECURITY_HEADERS } from '../../server/security-headers.ts';
import { figureOf, type Figure } from './figures.ts';
import { atCpu, newBenchContext, newBenchPage, type CpuRate } from './launch.ts';
import { readProbes } from './page-probes.ts';

const RUNS = 9;

/** The one paragraph, named as the list's first row is, so the same probe times its paint. */
export const FLOOR_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>Floor</title></head>' +
  '<body><p elementtiming="first-organization-row">Northwind Traders</p></body></html>';

/** The answer's headers: the console's own, or the same without opener isolation. */
export function floorHeaders(withOpenerIsolation: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/html; charset=UTF-8',
    'Cache-Control': 'no-cache',
  };
  if (!withOpenerIsolation) delete headers['Cross-Origin-Opener-Policy'];
  return headers;
}

function serveFloorPage(): Promise<Server> {
  const server = createServer((request, response) => {
    response.writeHead(200, floorHeaders(request.url !== '/without-coop'));
    response.end(FLOOR_PAGE);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function paragraphPaintedAt(page: Page): Promise<number> {
  await page.waitForFunction(
    () =>
      (window as unknown as { __benchProbes?: { firstRowPaintedAt: number | null } }).__benchProbes
        ?.firstRowPaintedAt != null,
    null,
    { timeout: 60_000 },
  );
  const painted = (await readProbes(page)).firstRowPaintedAt;
  if (painted === null) throw new Error('Chromium reported no paint of the floor page');
  return painted;
}

export async function measureFreshTabFloor(browser: Browser, cpu: CpuRate): Promise<Figure[]> {
  const server = await serveFloorPage();
  const { port } = server.address() as AddressInfo;
  const urls = {
    coop: `http://localhost:${port}/with-console-headers`,
    none: `http://localhost:${port}/without-coop`,
  };
  const painted: Record<keyof typeof urls, number[]> = { coop: [], none: [] };
  const context = await newBenchContext(browser);
  try {
    // The first round fills nothing (no cache is involved) but starts what the browser starts once.
    for (let run = -1; run < RUNS; run++) {
      const order: (keyof typeof urls)[] = run % 2 === 0 ? ['coop', 'none'] : ['none', 'coop'];
      for (const arm of order) {
        const page = await newBenchPage(context, cpu);
        await page.goto(urls[arm]);
        const at = await paragraphPaintedAt(page);
        await page.close();
        if (run >= 0) painted[arm].push(at);
      }
    }
  } finally {
    await context.close();
    await new Promise((resolve) => server.close(resolve));
  }
  return [
    figureOf({
      ...atCpu(cpu, 'floorFreshTab', 'floor: a one-paragraph page, fresh tab', {}),
      unit: 'ms',
      samples: painted.coop,
      note: 'the console’s security headers, COOP same-origin among them; Element Timing of the paragraph; reported, no budget: no page can be painted sooner in a fresh tab here',
    }),
    figureOf({
      ...atCpu(cpu, 'floorFreshTabWithoutCoop', 'floor: the same page without COOP, fresh tab', {}),
      unit: 'ms',
      samples: painted.none,
      note: 'the same headers less Cross-Origin-Opener-Policy: the fresh tab keeps the renderer it has; reported, no budget',
    }),
  ];
}
