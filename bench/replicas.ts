// `npm run bench:replicas`: two console replicas on one PostgreSQL behind the round-robin proxy
// (server/ops/test-support/replica-set.ts, the same set-up as e2e/replicas.spec.ts), under 50
// concurrent signed-in users for BENCH_SECONDS (default 30) after a warm-up. Each user has a
// session of its own and loops, without think time, over what an agent does: a list page of 50,
// a search, one organization, and its session. It prints requests per second, the latency
// percentiles, the split between the replicas, errors and the load average before and after.
// Everything runs on this machine — the client, the proxy, both replicas, the API backend (a
// console in sandbox mode) and PostgreSQL — so the figures are those of the whole chain on its
// cores, not of one replica alone.
//
// A hand-written client (node:http with a keep-alive agent) rather than autocannon: each of the 50
// users carries its own session cookie and walks a mix of requests whose ids come from earlier
// answers, which autocannon's per-connection set-up expresses only awkwardly; the client is a
// loop and a percentile.
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { startReplicaSet } from '../server/ops/test-support/replica-set.ts';
import { openConsoleStore } from '../server/store/index.ts';
import { postgresTestPorts } from '../server/store/test-support/postgres-for-tests.ts';
import { Timings } from './lib/timings.ts';

const USERS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const WARM_UP_SECONDS = 5;
const ORGANIZATIONS = Number(process.env.BENCH_ORGANIZATIONS ?? 5_000);
const PORT = Number(process.env.BENCH_REPLICAS_PORT ?? 4280);
const API = '/v1/chatbots/demo/organizations';
const SEARCHES = ['north', 'acme', 'berlin', 'logist', 'retail', 'garden', 'smith', 'tech'];

interface Answer {
  status: number;
  body: string;
}

function get(agent: Agent, host: string, port: number, path: string, cookie: string) {
  return new Promise<Answer>((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port, path, agent, headers: { host, cookie } },
      (answer) => {
        let body = '';
        answer.setEncoding('utf8');
        answer.on('data', (chunk: string) => (body += chunk));
        answer.on('end', () => resolve({ status: answer.statusCode ?? 0, body }));
        answer.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  console.log(`Starting PostgreSQL, the API backend (${ORGANIZATIONS} organizations), a demo`);
  console.log(`provider on port ${PORT + 1}, two replicas and the proxy on port ${PORT}…`);
  const set = await startReplicaSet({
    ports: {
      proxy: PORT,
      demoProvider: PORT + 1,
      postgres: postgresTestPorts(process.env),
    },
    seedOrganizations: ORGANIZATIONS,
    startTimeoutMs: 300_000,
  });
  try {
    // One session per user, made in the shared store as a sign-in would make it.
    const store = await openConsoleStore({ dataDir: '/nonexistent', databaseUrl: set.databaseUrl });
    const cookies: string[] = [];
    for (let i = 0; i < USERS; i += 1) {
      const { id } = await store.sessions.create({
        subject: `bench-${i}`,
        email: `agent${i}@bench.test`,
        name: `Bench agent ${i}`,
        role: 'agent',
        idToken: null,
        idleTimeoutMs: 60 * 60_000,
        absoluteTimeoutMs: 8 * 60 * 60_000,
      });
      cookies.push(`console_session=${id}`);
    }
    await store.close();

    const agent = new Agent({ keepAlive: true, maxSockets: USERS });
    const host = `localhost:${PORT}`;
    const timings = new Timings();
    let errors = 0;
    let measuring = false;
    let stop = false;

    const user = async (cookie: string, seed: number) => {
      let step = seed;
      let organizationId: string | undefined;
      while (!stop) {
        const kind = step % 4;
        const path =
          kind === 0
            ? `${API}?limit=50`
            : kind === 1
              ? `${API}/search?query=${SEARCHES[step % SEARCHES.length]}&page=1&pageSize=20`
              : kind === 2 && organizationId !== undefined
                ? `${API}/${encodeURIComponent(organizationId)}`
                : '/console/session';
        step += 1;
        const started = performance.now();
        let answer: Answer;
        try {
          answer = await get(agent, host, PORT, path, cookie);
        } catch {
          if (measuring) errors += 1;
          continue;
        }
        const ms = performance.now() - started;
        if (answer.status !== 200) {
          if (measuring) errors += 1;
          continue;
        }
        if (measuring) timings.add(ms);
        if (kind === 0) {
          const listed = JSON.parse(answer.body) as { organizations?: { id: string }[] };
          organizationId = listed.organizations?.[step % 50]?.id ?? organizationId;
        }
      }
    };

    const users = cookies.map((cookie, i) => user(cookie, i));
    await new Promise((resolve) => setTimeout(resolve, WARM_UP_SECONDS * 1000));
    const servedBefore = [...set.proxy.served];
    measuring = true;
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    measuring = false;
    const elapsed = (performance.now() - started) / 1000;
    const served = set.proxy.served.map((count, i) => count - servedBefore[i]!);
    const loadAfter = loadavg();
    stop = true;
    await Promise.all(users);
    agent.destroy();

    const fixed = (value: number) => value.toFixed(1);
    console.log('');
    console.log(
      `${USERS} concurrent users, ${fixed(elapsed)} s measured after ${WARM_UP_SECONDS} s warm-up`,
    );
    console.log(
      `requests answered 200: ${timings.count} (${fixed(timings.count / elapsed)} per second)`,
    );
    console.log(
      `latency ms: p50 ${fixed(timings.percentile(50))}, p90 ${fixed(timings.percentile(90))}, ` +
        `p99 ${fixed(timings.percentile(99))}, max ${fixed(timings.percentile(100))}`,
    );
    console.log(`errors (not 200, or no answer): ${errors}`);
    console.log(`served by replica 0 / 1: ${served.join(' / ')}`);
    console.log(
      `load average (1/5/15 min) before: ${loadBefore.map((v) => v.toFixed(2)).join(' ')}; ` +
        `at the end: ${loadAfter.map((v) => v.toFixed(2)).join(' ')}`,
    );
  } finally {
    await set.close();
  }
}

await main();
