import { describe, expect, it } from 'vitest';
import { consoleAccess } from './console-access.ts';

describe('consoleAccess', () => {
  it('in local mode: the loopback names on the port', () => {
    const access = consoleAccess(undefined, 4173);
    expect(access.url).toBe('http://localhost:4173');
    expect([...access.hosts]).toEqual(['localhost:4173', '127.0.0.1:4173', '[::1]:4173']);
    expect([...access.origins]).toEqual([
      'http://localhost:4173',
      'http://127.0.0.1:4173',
      'http://[::1]:4173',
    ]);
  });

  it('with CONSOLE_URL: that host only, with and without its default port', () => {
    const access = consoleAccess('https://Console.Example.com', 4173);
    expect(access.url).toBe('https://console.example.com');
    expect([...access.hosts]).toEqual(['console.example.com', 'console.example.com:443']);
    expect([...access.origins]).toEqual(['https://console.example.com']);
  });

  it('with a CONSOLE_URL on another port', () => {
    const access = consoleAccess('http://10.0.0.5:8080', 4173);
    expect([...access.hosts]).toEqual(['10.0.0.5:8080']);
    expect([...access.origins]).toEqual(['http://10.0.0.5:8080']);
  });
});
