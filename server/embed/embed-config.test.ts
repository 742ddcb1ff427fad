import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { parseEmbedAllowedOrigins } from './embed-config.ts';

function problemsOf(read: () => unknown): readonly string[] {
  try {
    read();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('EMBED_ALLOWED_ORIGINS', () => {
  it('is empty when unset or blank: no site may frame the console', () => {
    expect(parseEmbedAllowedOrigins({})).toEqual([]);
    expect(parseEmbedAllowedOrigins({ EMBED_ALLOWED_ORIGINS: '  ' })).toEqual([]);
  });

  it('reads comma-separated origins, trimmed, each once', () => {
    expect(
      parseEmbedAllowedOrigins({
        EMBED_ALLOWED_ORIGINS:
          ' https://chat.example.com, https://app.chatwoot.com:8443 ,,https://chat.example.com,http://localhost:4515',
      }),
    ).toEqual([
      'https://chat.example.com',
      'https://app.chatwoot.com:8443',
      'http://localhost:4515',
    ]);
  });

  it('names every bad value at once, with how to write it', () => {
    const problems = problemsOf(() =>
      parseEmbedAllowedOrigins({
        EMBED_ALLOWED_ORIGINS: [
          '*',
          'chat.example.com',
          'http://chat.example.com',
          'https://chat.example.com/app',
          'https://*.example.com',
          'https://user:pw@chat.example.com',
          'https://chat.example.com/?x=1',
          'ftp://chat.example.com',
          'https://Chat.Example.com:443',
          "'self'",
        ].join(','),
      }),
    );
    expect(problems).toHaveLength(10);
    expect(problems[0]).toMatch(/^EMBED_ALLOWED_ORIGINS: "\*" is not an origin/);
    expect(problems[2]).toMatch(/must be https \(plain http only for localhost/);
    expect(problems[3]).toMatch(/without a path/);
    expect(problems[4]).toMatch(/wildcard/);
    expect(problems[5]).toMatch(/user name or password/);
    expect(problems[7]).toMatch(/https:\/\//);
    expect(problems[8]).toMatch(/written as its origin, https:\/\/chat\.example\.com\./);
  });

  it('stops the console at start, beside the other settings, and needs https for the cookie', () => {
    const problems = problemsOf(() =>
      loadConfig({
        EMBED_ALLOWED_ORIGINS: 'https://chat.example.com,nope',
        CONSOLE_URL: 'http://console.example.com',
        PORT: 'x',
      }),
    );
    expect(problems.some((line) => line.startsWith('PORT'))).toBe(true);
    expect(problems).toContain(
      'EMBED_ALLOWED_ORIGINS: "nope" is not an origin; write it as https://chat.example.com (comma-separated).',
    );
    expect(
      problemsOf(() =>
        loadConfig({
          EMBED_ALLOWED_ORIGINS: 'https://chat.example.com',
          CONSOLE_URL: 'http://console.example.com',
        }),
      ),
    ).toEqual([
      'EMBED_ALLOWED_ORIGINS needs the console on https (CONSOLE_URL): a framed page keeps its ' +
        'session only in a SameSite=None cookie, which browsers accept only when Secure.',
    ]);
  });

  it('is on the configuration when good (local mode or https)', () => {
    expect(
      loadConfig({ EMBED_ALLOWED_ORIGINS: 'http://127.0.0.1:4515' }).embedAllowedOrigins,
    ).toEqual(['http://127.0.0.1:4515']);
    expect(loadConfig({}).embedAllowedOrigins).toEqual([]);
  });
});
