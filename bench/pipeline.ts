// `npm run bench:pipeline`: what sign-in and the audit trail cost a /v1 request. One sandbox
// (BENCH_ORGANIZATIONS, default 5,000) and one SQLite store behind three console apps in this
// process: without a store (the pipeline before sign-in), local mode (audit, no sign-in) and demo
// sign-in with a session cookie (session lookup + role check on every request, the touch written at
// most once a minute). All answer the same requests — a list page of 100, one organization, an
// update (the audit step's read first, the write, the entry) — in alternating rounds, so machine
// load hits them alike; it prints p50/p95 of each and the ratios. Figures only, no budget.
import { loadavg } from 'node:os';
import type { Hono } from 'hono';
import { startConsoleWithSignIn } from '../server/auth/test-support/console-with-sign-in.ts';
import type { ConsoleEnv } from '../server/pipeline/console-env.ts';
import { Timings } from './lib/timings.ts';

const ORGANIZATIONS = Number(process.env.BENCH_ORGANIZATIONS ?? 5_000);
const ROUNDS = 10;
const PER_ROUND = 200;
const LIST = '/v1/chatbots/demo/organizations?limit=100';

type Setup = { name: string; app: Hono<ConsoleEnv>; headers: Record<string, string> };

async function time(setup: Setup, path: string, init: RequestInit, timings: Timings) {
  const started = performance.now();
  const response = await setup.app.request(path, {
    ...init,
    headers: { ...setup.headers, ...(init.headers as Record<string, string>) },
  });
  await response.arrayBuffer();
  timings.add(performance.now() - started);
  if (!response.ok) throw new Error(`${setup.name}: ${path} answered ${response.status}`);
}

async function main(): Promise<void> {
  console.log(`Seeding ${ORGANIZATIONS} organizations…`);
  const signedIn = await startConsoleWithSignIn({ seedOrganizations: ORGANIZATIONS });
  try {
    const bare = signedIn.appWithoutSignIn({ audit: false });
    const local = signedIn.appWithoutSignIn({ audit: true });
    const setups: Setup[] = [
      { name: 'no store (no audit, no sign-in)', app: bare, headers: {} },
      { name: 'local mode (audit, no sign-in)', app: local, headers: {} },
      {
        name: 'signed in (session + role check)',
        app: signedIn.app,
        headers: { cookie: await signedIn.sessionCookie('admin') },
      },
    ];
    const first = (await (await local.request(`${LIST}`)).json()) as {
      organizations: { id: string }[];
    };
    const ids = first.organizations.map((organization) => organization.id);
    const results = setups.map(() => ({
      list: new Timings(),
      get: new Timings(),
      update: new Timings(),
    }));

    // Warm-up, then alternating rounds.
    for (const setup of setups) {
      for (let i = 0; i < 50; i += 1) await time(setup, LIST, {}, new Timings());
    }
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [index, setup] of setups.entries()) {
        const result = results[index]!;
        for (let i = 0; i < PER_ROUND; i += 1) {
          await time(setup, LIST, {}, result.list);
          const id = ids[i % ids.length]!;
          await time(setup, `/v1/chatbots/demo/organizations/${id}`, {}, result.get);
        }
        for (let i = 0; i < 20; i += 1) {
          const id = ids[i % ids.length]!;
          await time(
            setup,
            `/v1/chatbots/demo/organizations/${id}`,
            {
              method: 'PATCH',
              headers: {
                'content-type': 'application/json',
                origin: signedIn.origin,
                'x-console-request': '1',
              },
              body: JSON.stringify({ organization: { industry: `Round ${round}`, variables: {} } }),
            },
            result.update,
          );
        }
      }
    }

    const [load1] = loadavg();
    console.log(
      `\nbench:pipeline — ${ORGANIZATIONS} organizations, load average ${load1?.toFixed(2)}`,
    );
    console.log(`${'request'.padEnd(34)} | ${'setup'.padEnd(32)} |   p50 ms |   p95 ms`);
    console.log(`${'-'.repeat(34)} | ${'-'.repeat(32)} | -------- | --------`);
    const rows: [string, keyof (typeof results)[number]][] = [
      ['list page of 100', 'list'],
      ['get one organization', 'get'],
      ['update (audit: read, write, entry)', 'update'],
    ];
    for (const [label, key] of rows) {
      for (const [index, setup] of setups.entries()) {
        const timings = results[index]![key];
        console.log(
          `${label.padEnd(34)} | ${setup.name.padEnd(32)} | ${timings.percentile(50).toFixed(3).padStart(8)} | ${timings.percentile(95).toFixed(3).padStart(8)}`,
        );
      }
    }
    const p50 = (index: number, key: keyof (typeof results)[number]) =>
      results[index]![key].percentile(50);
    for (const [label, key] of rows) {
      console.log(
        `${label}: p50 ratio local / no store ${(p50(1, key) / p50(0, key)).toFixed(2)}, ` +
          `signed in / local ${(p50(2, key) / p50(1, key)).toFixed(2)}`,
      );
    }
  } finally {
    await signedIn.close();
  }
}

await main();
