// `npm run bench`: the console's speed as a user meets it. Builds the app, seeds 100,000
// organizations into a temporary directory, starts the console server over them, times the
// sandbox through HTTP, then drives headless Chromium (Playwright) through the list, search and
// organization pages. Prints each figure beside its budget, writes bench/results.json and exits 1
// when a budget is missed.
//   BENCH_ORGANIZATIONS  organizations to seed (default 100000; fewer for a quick look)
//   BENCH_PORT           port of the console server (default 4271)
//   CHROMIUM_PATH        the browser (default /usr/bin/chromium)
//   BENCH_RESULTS        where to write the results (default bench/results.json)
//   BENCH_ONLY           comma-separated parts to run (load,search,open,scroll,sandbox; default
//                        all); a partial run still writes results.json with only those figures
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import { SANDBOX_CHATBOT_ID } from '../server/sandbox/api-keys.ts';
import { startConsole, type RunningConsole } from './browser/console-server.ts';
import type { ChunkPart } from './browser/bundle-composition.ts';
import { formatFigureTable, type Figure } from './browser/figures.ts';
import { measureFreshTabFloor } from './browser/fresh-tab-floor.ts';
import { CPU_RATES, launchChromium, newBenchContext, newBenchPage } from './browser/launch.ts';
import { measureOpenOrganization } from './browser/open-organization.ts';
import { measurePageLoad, weighFile, type FileWeight } from './browser/page-load.ts';
import { buildApp, seedOrganizations } from './browser/prepare.ts';
import { measureSandbox } from './browser/sandbox-http.ts';
import { chooseSearchQueries } from './browser/search-queries.ts';
import { measureSearchLatency, SEARCH_QUERIES } from './browser/search-latency.ts';
import { measureScrolling } from './browser/scroll.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const ORGANIZATIONS = Number(process.env.BENCH_ORGANIZATIONS ?? 100_000);
const PORT = Number(process.env.BENCH_PORT ?? 4271);
const RESULTS_PATH = resolve(process.env.BENCH_RESULTS ?? join(ROOT, 'bench', 'results.json'));
const PARTS = ['load', 'search', 'open', 'scroll', 'sandbox'] as const;
type Part = (typeof PARTS)[number];

/** The parts BENCH_ONLY names (all when unset); an unknown name stops the run. */
export function chosenParts(value: string | undefined): Set<Part> {
  if (value === undefined || value.trim() === '') return new Set(PARTS);
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(PARTS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(`BENCH_ONLY: unknown part ${unknown.join(', ')} (known: ${PARTS.join(', ')})`);
  }
  return new Set(names as Part[]);
}

/** The 1, 5 and 15-minute load averages: other work on the machine inflates every timing. */
function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(', ');
}

function step(text: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}`);
}

const PARTS_SHOWN = 5;

/** Each full-speed figure followed by its CPU ×4 row (ids `…CpuX4`), in measuring order. */
function sideBySide(figures: readonly Figure[]): Figure[] {
  const throttled = (figure: Figure) => /CpuX\d+$/.test(figure.id);
  const byId = new Map(figures.map((figure) => [figure.id, figure]));
  return figures
    .filter((figure) => !throttled(figure))
    .flatMap((figure) => {
      const slow = figures.filter(
        (other) => throttled(other) && other.id.replace(/CpuX\d+$/, '') === figure.id,
      );
      return [figure, ...slow];
    })
    .concat(
      figures.filter((figure) => throttled(figure) && !byId.has(figure.id.replace(/CpuX\d+$/, ''))),
    );
}

function formatWeights(files: readonly FileWeight[], chunks?: Map<string, ChunkPart[]>): string {
  return files
    .map((file) => {
      const line = `  ${(file.gzipBytes / 1000).toFixed(1).padStart(6)} KB gzip  ${file.path}`;
      const parts = chunks?.get(file.path.replace(/^\//, '')) ?? [];
      const shown = parts
        .slice(0, PARTS_SHOWN)
        .map((part) => `${part.name} ≈${(part.gzipBytes / 1000).toFixed(1)}`);
      return shown.length === 0 ? line : `${line}\n           ${shown.join(', ')}`;
    })
    .join('\n');
}

async function main(): Promise<number> {
  const workDir = mkdtempSync(join(tmpdir(), 'organizations-bench-browser-'));
  const distDir = join(workDir, 'dist');
  const dataDir = join(workDir, 'data');
  let server: RunningConsole | undefined;
  let browser: Browser | undefined;
  const started = performance.now();
  const startLoad = loadAverage();
  try {
    step('building the app and its server render (vite build)…');
    const { ms: buildMs, chunks } = await buildApp(ROOT, distDir);
    step(`seeding ${ORGANIZATIONS.toLocaleString('en')} organizations…`);
    const seedMs = seedOrganizations(ROOT, dataDir, ORGANIZATIONS);
    step('starting the console server…');
    server = await startConsole({ root: ROOT, dataDir, distDir, port: PORT });
    const listUrl = `${server.baseUrl}/chatbots/${SANDBOX_CHATBOT_ID}/organizations`;
    const api = `${server.baseUrl}/v1/chatbots/${SANDBOX_CHATBOT_ID}/organizations`;

    const parts = chosenParts(process.env.BENCH_ONLY);
    // The search step picks its texts from the sample the sandbox step reads.
    const sandbox =
      parts.has('sandbox') || parts.has('search')
        ? (step('timing the sandbox over HTTP…'),
          await measureSandbox(server.baseUrl, SANDBOX_CHATBOT_ID))
        : undefined;

    browser = await launchChromium();
    // Every browser figure at full speed, then with the CPU 4× slower (a modest laptop).
    const browserFigures: Figure[] = [];
    let load: Awaited<ReturnType<typeof measurePageLoad>> | undefined;
    let search: Awaited<ReturnType<typeof measureSearchLatency>> | undefined;
    let queries: string[] = [];
    if (parts.has('search') && sandbox !== undefined) {
      queries = await chooseSearchQueries(api, sandbox.mix, SEARCH_QUERIES);
    }
    for (const cpu of CPU_RATES) {
      const at = cpu === 1 ? 'full speed' : `CPU ×${cpu}`;
      if (parts.has('load')) {
        step(`loading the list in Chromium ${browser.version()} (cold and warm), ${at}…`);
        const measured = await measurePageLoad(browser, listUrl, distDir, cpu);
        if (cpu === 1) load = measured;
        browserFigures.push(...measured.figures);
        step(`a one-paragraph page in fresh tabs (what the browser costs before the page), ${at}…`);
        browserFigures.push(...(await measureFreshTabFloor(browser, cpu)));
      }
      if (parts.has('search') || parts.has('open')) {
        const context = await newBenchContext(browser);
        const page = await newBenchPage(context, cpu);
        if (parts.has('search') && queries.length > 0) {
          step(`searching as one types (${queries.length} queries), ${at}…`);
          const measured = await measureSearchLatency(page, listUrl, queries, cpu);
          if (cpu === 1) search = measured;
          browserFigures.push(measured.figure);
        }
        if (parts.has('open')) {
          step(`opening organizations from the list, ${at}…`);
          browserFigures.push(...(await measureOpenOrganization(page, listUrl, cpu)));
        }
        await context.close();
      }
      if (parts.has('scroll')) {
        step(`scrolling 10,000 rows and jumping 2,000 back, ${at}…`);
        browserFigures.push(...(await measureScrolling(browser, listUrl, cpu)));
      }
    }

    const figures: Figure[] = [
      ...sideBySide(browserFigures),
      ...(parts.has('sandbox') ? (sandbox?.figures ?? []) : []),
    ];
    const totalSeconds = (performance.now() - started) / 1000;
    console.log(
      `\n${ORGANIZATIONS.toLocaleString('en')} organizations (seeded in ${(seedMs / 1000).toFixed(1)} s, ` +
        `sandbox opened in ${(server.sandboxOpenMs / 1000).toFixed(1)} s), build ${(buildMs / 1000).toFixed(1)} s, ` +
        `Chromium ${browser.version()}, Node ${process.version}, whole run ${totalSeconds.toFixed(0)} s, ` +
        `load average at the start ${startLoad}, at the end ${loadAverage()}\n`,
    );
    console.log(formatFigureTable(figures));
    if (load) {
      console.log(
        `\nJS before the list is usable (cold), with its largest parts (≈ KB gzip):\n` +
          formatWeights(load.jsBeforeUsable, chunks),
      );
      console.log(`CSS of the list page:\n${formatWeights(load.css)}`);
      // Every page and panel is a chunk of its own: what each costs, whether loaded first or not.
      const firstLoaded = new Set(load.jsBeforeUsable.map((file) => file.path));
      const allChunks = [...chunks.keys()]
        .filter((file) => file.endsWith('.js'))
        .map((file) => weighFile(distDir, `/${file}`))
        .filter((file) => !firstLoaded.has(file.path))
        .sort((a, b) => b.gzipBytes - a.gzipBytes);
      console.log(
        `Every other JS chunk of the build (loaded later, when needed):\n${formatWeights(allChunks)}`,
      );
    }
    if (search) {
      console.log(
        `Slowest searches: ${search.slowest.map((s) => `"${s.query}" ${s.ms.toFixed(0)} ms`).join(', ')}`,
      );
    }
    for (const figure of figures.filter((f) => f.note !== undefined)) {
      console.log(`- ${figure.name}: ${figure.note}`);
    }

    writeFileSync(
      RESULTS_PATH,
      `${JSON.stringify(
        {
          measuredAt: new Date().toISOString(),
          organizations: ORGANIZATIONS,
          chromium: browser.version(),
          node: process.version,
          runSeconds: Math.round(totalSeconds),
          figures,
          parts: [...parts],
          jsBeforeListUsable: (load?.jsBeforeUsable ?? []).map((file) => ({
            ...file,
            parts: (chunks.get(file.path.replace(/^\//, '')) ?? []).map((part) => ({
              name: part.name,
              gzipBytes: Math.round(part.gzipBytes),
            })),
          })),
          cssOfListPage: load?.css ?? [],
          searchQueries: queries,
          slowestSearches: search?.slowest ?? [],
        },
        null,
        2,
      )}\n`,
    );
    console.log(`\nWritten to ${RESULTS_PATH}`);
    const missed = figures.filter((figure) => !figure.met);
    if (missed.length > 0) {
      console.error(`\nMissed: ${missed.map((figure) => figure.name).join('; ')}`);
      return 1;
    }
    return 0;
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
