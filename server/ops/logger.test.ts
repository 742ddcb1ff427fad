import { describe, expect, it } from 'vitest';
import { createLogger, describeError, logLevelSetting } from './logger.ts';
import { routeLabel } from './metrics.ts';

function capture(level?: 'info' | 'warn' | 'error') {
  const out: string[] = [];
  const err: string[] = [];
  const logger = createLogger({
    sink: { out: (line) => out.push(line), err: (line) => err.push(line) },
    now: () => Date.UTC(2026, 0, 15, 9, 0, 0),
    level,
  });
  return { logger, out, err };
}

describe('logger', () => {
  it('writes one JSON object per line: time, level, message and the fields given', () => {
    const { logger, out, err } = capture();
    logger.info('request', { requestId: 'r-1', method: 'GET', route: '/v1 list', status: 200 });
    logger.error('unexpected error', { requestId: 'r-2', error: 'TypeError: boom' });
    expect(out.map((line) => JSON.parse(line) as unknown)).toEqual([
      {
        time: '2026-01-15T09:00:00.000Z',
        level: 'info',
        msg: 'request',
        requestId: 'r-1',
        method: 'GET',
        route: '/v1 list',
        status: 200,
      },
    ]);
    expect(JSON.parse(err[0]!)).toMatchObject({ level: 'error', error: 'TypeError: boom' });
  });

  it('keeps a message with quotes and new lines on one line', () => {
    const { logger, out } = capture();
    logger.warn('upstream: "x"\nanswered');
    expect(out).toHaveLength(1);
    expect(out[0]).not.toContain('\n');
    expect((JSON.parse(out[0]!) as { msg: string }).msg).toBe('upstream: "x"\nanswered');
  });

  it('leaves out lines below LOG_LEVEL', () => {
    const { logger, out, err } = capture('warn');
    logger.info('request');
    logger.warn('slow');
    logger.error('broken');
    expect(out.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['slow']);
    expect(err).toHaveLength(1);
  });

  it('reads LOG_LEVEL: unset is info, anything else unknown is refused', () => {
    expect(logLevelSetting(undefined)).toBe('info');
    expect(logLevelSetting(' WARN ')).toBe('warn');
    expect(logLevelSetting('debug')).toBeUndefined();
  });

  it('describes an error by its name and message', () => {
    expect(describeError(new RangeError('too far'))).toBe('RangeError: too far');
    expect(describeError('plain')).toBe('plain');
  });
});

describe('routeLabel', () => {
  it('names a request by its operation or console route, never by its ids or query', () => {
    expect(routeLabel('/v1/chatbots/demo/organizations/org-1', 'get')).toBe('/v1 get');
    expect(routeLabel('/v1/chatbots/demo/nothing', undefined)).toBe('/v1 unknown');
    expect(routeLabel('/console/session', undefined)).toBe('/console/session');
    expect(routeLabel('/console/whatever', undefined)).toBe('/console/unknown');
    expect(routeLabel('/assets/index-abc123.js', undefined)).toBe('/assets');
    expect(routeLabel('/chatbots/demo/organizations/org-1', undefined)).toBe('page');
    expect(routeLabel('/readyz', undefined)).toBe('/readyz');
  });
});
