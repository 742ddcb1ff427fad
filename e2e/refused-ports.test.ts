import { describe, expect, it } from 'vitest';
import { assertReachablePorts, isRefusedPort } from './refused-ports.ts';

describe('ports browsers refuse', () => {
  it('knows the default layout’s old trap and its neighbours', () => {
    expect(isRefusedPort(4190)).toBe(true);
    expect(isRefusedPort(4045)).toBe(true);
    expect(isRefusedPort(4189)).toBe(false);
    expect(isRefusedPort(4191)).toBe(false);
  });

  it('agrees with Node’s fetch, which will not even try a refused port', async () => {
    const reason = async (port: number) =>
      fetch(`http://127.0.0.1:${port}/`).then(
        () => 'answered',
        (error: Error) => String(error.cause),
      );
    expect(await reason(4190)).toContain('bad port');
    expect(await reason(6666)).toContain('bad port');
  });

  it('names every refused port of a layout, and passes a layout without one', () => {
    expect(() => assertReachablePorts({ E2E_PORT: 4170, 'E2E_PORT + 20': 4190 })).toThrow(
      /E2E_PORT \+ 20 = 4190/,
    );
    expect(() => assertReachablePorts({ E2E_PORT: 4180, 'E2E_PORT + 9': 4189 })).not.toThrow();
  });
});
