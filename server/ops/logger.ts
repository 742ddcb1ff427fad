// The console's log: one JSON object per line on stdout (errors on stderr), for a log collector
// to parse. A line carries the time, the level, a message and, for a request, its id (the
// `X-Request-Id` the caller got and the audit entry keeps) — never a key, a cookie or a session
// id: callers pass only the fields below, and `describeError` keeps an error's kind and message.

export const LOG_LEVELS = ['info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** LOG_LEVEL: the least level written; `warn` leaves out the request lines (and the banner). */
export function logLevelSetting(value: string | undefined): LogLevel | undefined {
  const level = value?.trim().toLowerCase() || 'info';
  return (LOG_LEVELS as readonly string[]).includes(level) ? (level as LogLevel) : undefined;
}

/** What a line may carry besides its message; nothing here is a secret. */
export interface LogFields {
  requestId?: string;
  method?: string;
  /** The route's name (metrics.ts `routeLabel`), never the query string. */
  route?: string;
  status?: number;
  durationMs?: number;
  error?: string;
}

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface LogSink {
  out(line: string): void;
  err(line: string): void;
}

const PROCESS_SINK: LogSink = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export function createLogger(
  options: { sink?: LogSink; now?: () => number; level?: LogLevel } = {},
): Logger {
  const { sink = PROCESS_SINK, now = Date.now, level: least = 'info' } = options;
  const write = (level: LogLevel, message: string, fields: LogFields | undefined) => {
    if (LOG_LEVELS.indexOf(level) < LOG_LEVELS.indexOf(least)) return;
    const line = JSON.stringify({
      time: new Date(now()).toISOString(),
      level,
      msg: message,
      ...fields,
    });
    if (level === 'error') sink.err(line);
    else sink.out(line);
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

/** An error as a log may show it: its name and message (a stack names files, not secrets). */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
