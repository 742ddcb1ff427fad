// Prometheus metrics (prom-client), served at /metrics (metrics-route.ts): requests by route and
// status, their latency, the upstream API's failures and the job runner's work, with Node's own
// process metrics. One registry per console app, so tests can make several.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface ConsoleMetrics {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  requestSeconds: Histogram<'method' | 'route'>;
  upstreamErrors: Counter<'kind'>;
  jobEvents: Counter<'kind' | 'event'>;
  jobsRunning: Gauge;
}

/** The console's answers are mostly a few ms (sandbox) up to the upstream timeout (15 s). */
const SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15];

export function createMetrics(options: { processMetrics: boolean }): ConsoleMetrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({
      name: 'console_http_requests_total',
      help: 'Requests answered, by route and status.',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    requestSeconds: new Histogram({
      name: 'console_http_request_duration_seconds',
      help: 'Time to answer a request (to the response headers), by route.',
      labelNames: ['method', 'route'],
      buckets: SECONDS_BUCKETS,
      registers: [registry],
    }),
    upstreamErrors: new Counter({
      name: 'console_upstream_errors_total',
      help: 'Requests to the ChatCaptain API that failed: timeout, unreachable, or an answer refused.',
      labelNames: ['kind'],
      registers: [registry],
    }),
    jobEvents: new Counter({
      name: 'console_job_events_total',
      help: 'The job runner: jobs claimed, finished, given back or lost, and items worked.',
      labelNames: ['kind', 'event'],
      registers: [registry],
    }),
    jobsRunning: new Gauge({
      name: 'console_jobs_running',
      help: 'Jobs this replica is working on now.',
      registers: [registry],
    }),
  };
}

const CONSOLE_ROUTES = new Set([
  '/console/config',
  '/console/session',
  '/console/sign-in',
  '/console/callback',
  '/console/sign-out',
  '/console/signed-out',
  '/console/audit',
  '/healthz',
  '/readyz',
  '/metrics',
]);

/**
 * A request's route as a label with few values: the API operation's name, a console route, the
 * SPA's assets, or `page` for everything else the SPA answers (an unknown path does not become a
 * label of its own).
 */
export function routeLabel(path: string, operation: string | undefined): string {
  if (operation !== undefined) return `/v1 ${operation}`;
  if (path.startsWith('/v1/') || path === '/v1') return '/v1 unknown';
  if (CONSOLE_ROUTES.has(path)) return path;
  if (path.startsWith('/console/')) return '/console/unknown';
  if (path.startsWith('/assets/')) return '/assets';
  return 'page';
}
