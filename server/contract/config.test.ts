import { describe, expect, it } from 'vitest';
import { ConfigError, describeBaseUrl, loadConfig } from '../config.ts';

describe('loadConfig', () => {
  it('defaults to the seeded sandbox on port 4173 with the full-access sandbox key', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4173);
    // Loopback only, and local mode (no CONSOLE_URL): nobody else on the network reaches it.
    expect(config.host).toBe('127.0.0.1');
    expect(config.consoleUrl).toBeUndefined();
    expect(config.defaultChatbotId).toBe('demo');
    expect(config.maxRequestBodyBytes).toBe(1024 * 1024);
    expect(config.backend).toEqual({
      mode: 'sandbox',
      dataDir: `${process.cwd()}/.data`,
      seedOrganizations: undefined,
      apiKey: 'sandbox-full-access',
    });
  });

  it('reads PORT, DATA_DIR, SEED_ORGANIZATIONS and a sandbox key from the environment', () => {
    const config = loadConfig({
      PORT: '4222',
      DATA_DIR: '/tmp/console-data',
      SEED_ORGANIZATIONS: '0',
      CHATCAPTAIN_API_KEY: 'sandbox-read-only',
    });
    expect(config.port).toBe(4222);
    expect(config.backend).toEqual({
      mode: 'sandbox',
      dataDir: '/tmp/console-data',
      seedOrganizations: 0,
      apiKey: 'sandbox-read-only',
    });
  });

  it('switches to upstream mode when CHATCAPTAIN_API_URL is set', () => {
    const config = loadConfig({
      CHATCAPTAIN_API_URL: 'https://api.chatcaptain.com/',
      CHATCAPTAIN_API_KEY: 'CCSB-a1b2c3d4-e5f6g7h8i9j0',
      CHATCAPTAIN_CHATBOT_ID: 'bot-42',
      UPSTREAM_TIMEOUT_MS: '2500',
      CONSOLE_AUTH: 'off',
    });
    expect(config.defaultChatbotId).toBe('bot-42');
    expect(config.backend).toEqual({
      mode: 'upstream',
      baseUrl: 'https://api.chatcaptain.com',
      apiKey: 'CCSB-a1b2c3d4-e5f6g7h8i9j0',
      timeoutMs: 2500,
      maxResponseBytes: 8 * 1024 * 1024,
      maxDecompressedBytes: 16 * 1024 * 1024,
    });
  });

  it('reads HOST and CONSOLE_URL (as an origin)', () => {
    const config = loadConfig({ HOST: '0.0.0.0', CONSOLE_URL: 'https://Console.Example.com/' });
    expect(config.host).toBe('0.0.0.0');
    expect(config.consoleUrl).toBe('https://console.example.com');
  });

  it('reads the upstream answer caps', () => {
    const config = loadConfig({
      CHATCAPTAIN_API_URL: 'https://api.chatcaptain.com',
      CHATCAPTAIN_CHATBOT_ID: 'bot-42',
      UPSTREAM_MAX_RESPONSE_BYTES: '2048',
      UPSTREAM_MAX_DECOMPRESSED_BYTES: '4096',
      CONSOLE_AUTH: 'off',
    });
    expect(config.backend).toMatchObject({ maxResponseBytes: 2048, maxDecompressedBytes: 4096 });
  });

  it('gives the upstream a 15 s timeout and no key unless configured', () => {
    const config = loadConfig({
      CHATCAPTAIN_API_URL: 'http://localhost:9000',
      CHATCAPTAIN_CHATBOT_ID: 'bot-42',
      CONSOLE_AUTH: 'off',
    });
    expect(config.backend).toMatchObject({ timeoutMs: 15_000, apiKey: undefined });
  });

  it('names the missing chatbot id, and the missing sign-in with it, when upstream mode lacks both', () => {
    let thrown: unknown;
    try {
      loadConfig({ CHATCAPTAIN_API_URL: 'https://api.chatcaptain.com' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).problems).toEqual([
      'CHATCAPTAIN_CHATBOT_ID is required when CHATCAPTAIN_API_URL is set: ' +
        'the id of the chatbot whose organizations the console shows.',
      expect.stringMatching(/^Over the real API the console needs sign-in/),
    ]);
  });

  it('names every bad variable at once, one sentence each, in the order of the table', () => {
    let thrown: unknown;
    try {
      loadConfig({
        PORT: 'http',
        CONSOLE_URL: 'ftp://example.com',
        SEED_ORGANIZATIONS: '-3',
        AUDIT_RETENTION_DAYS: '0',
        DATABASE_URL: 'mysql://user:secret-password@db/console',
        DATABASE_POOL_SIZE: '1000',
        METRICS_TOKEN: 'too short',
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const { problems, message } = thrown as ConfigError;
    expect(problems).toEqual([
      expect.stringMatching(/^PORT must be a whole number/),
      expect.stringMatching(/^CONSOLE_URL must be the http\(s\) address/),
      expect.stringMatching(/^SEED_ORGANIZATIONS must be a whole number/),
      expect.stringMatching(/^DATABASE_URL must be a PostgreSQL URL/),
      expect.stringMatching(/^DATABASE_POOL_SIZE must be a whole number/),
      expect.stringMatching(/^AUDIT_RETENTION_DAYS must be a whole number/),
      expect.stringMatching(/^METRICS_TOKEN must be at least 16 characters/),
    ]);
    expect(message).toBe(problems.join('\n'));
    // Secrets are named, never echoed.
    expect(message).not.toContain('secret-password');
    expect(message).not.toContain('too short');
  });

  it.each([
    [{ PORT: 'http' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be a whole number from 0 to 65535/],
    [{ SEED_ORGANIZATIONS: '-3' }, /SEED_ORGANIZATIONS must be a whole number/],
    [
      { CHATCAPTAIN_API_URL: 'ftp://files', CHATCAPTAIN_CHATBOT_ID: 'b' },
      /CHATCAPTAIN_API_URL must be an http\(s\) URL/,
    ],
    [
      { CHATCAPTAIN_API_URL: 'https://api.example?x=1', CHATCAPTAIN_CHATBOT_ID: 'b' },
      /must not carry a query/,
    ],
    [
      {
        CHATCAPTAIN_API_URL: 'https://a.example',
        CHATCAPTAIN_CHATBOT_ID: 'b',
        UPSTREAM_TIMEOUT_MS: '0',
      },
      /UPSTREAM_TIMEOUT_MS must be a whole number from 1/,
    ],
    [
      {
        CHATCAPTAIN_API_URL: 'https://a.example',
        CHATCAPTAIN_CHATBOT_ID: 'b',
        UPSTREAM_MAX_DECOMPRESSED_BYTES: '10',
      },
      /UPSTREAM_MAX_DECOMPRESSED_BYTES must be a whole number from 1024/,
    ],
    [{ CONSOLE_URL: 'console.example.com' }, /CONSOLE_URL must be the http\(s\) address/],
    [{ CONSOLE_URL: 'ftp://console.example.com' }, /CONSOLE_URL must be/],
    [{ CONSOLE_URL: 'https://console.example.com/console' }, /CONSOLE_URL must be .*: no path/],
    [{ CONSOLE_URL: 'https://user:pw@console.example.com' }, /no user name, password/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('describes an upstream URL for the log without credentials written into it', () => {
    expect(describeBaseUrl('https://user:secret@api.example/base')).toBe(
      'https://api.example/base',
    );
  });
});
