import { describe, expect, it } from 'vitest';
import { keyEchoes, keyForms, REDACTED } from './key-echo.ts';

const KEY = 'CCSB-a1b2c3d4-e5f6g7h8i9j0';
const ODD_KEY = 'k+y/with spaces&ünï';

describe('keyEchoes', () => {
  const echoes = keyEchoes(KEY);

  it.each([
    ['as sent', `{"error":"Unknown key ${KEY}"}`],
    [
      'in a URL, every byte escaped',
      `see ?k=${[...Buffer.from(KEY)].map((b) => `%${b.toString(16)}`).join('')}`,
    ],
    ['as hex', `debug=${Buffer.from(KEY).toString('hex').toUpperCase()}`],
    ['in base64 at offset 0', Buffer.from(KEY).toString('base64')],
    ['in base64 at offset 1', Buffer.from(`x${KEY}`).toString('base64')],
    ['in base64 at offset 2', Buffer.from(`xy${KEY}`).toString('base64')],
    [
      'in base64url inside a token',
      `eyJ.${Buffer.from(`{"k":"${KEY}"}`).toString('base64url')}.sig`,
    ],
  ])('finds and redacts the key %s', (_form, text) => {
    expect(echoes.contains(text)).toBe(true);
    const redacted = echoes.redact(text);
    expect(redacted).toContain(REDACTED);
    expect(echoes.contains(redacted)).toBe(false);
  });

  it('finds the key in a JSON string however it is escaped, which redaction cannot rewrite', () => {
    const escaped = [...KEY]
      .map((c, i) => (i % 3 === 0 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c))
      .join('');
    const text = `{"error":"${escaped}"}`;
    expect(echoes.redact(text)).toBe(text);
    expect(echoes.contains(text)).toBe(true);
  });

  it('finds a key with characters that JSON and URLs escape', () => {
    const odd = keyEchoes(ODD_KEY);
    for (const text of [
      JSON.stringify({ k: ODD_KEY }),
      JSON.stringify({ k: ODD_KEY }).replaceAll('/', '\\/'),
      `?k=${encodeURIComponent(ODD_KEY)}`,
      `?k=${new URLSearchParams({ k: ODD_KEY }).toString()}`,
    ]) {
      expect(odd.contains(text), text).toBe(true);
      expect(odd.contains(odd.redact(text)), text).toBe(false);
    }
  });

  it('leaves text without the key alone', () => {
    const text = '{"organizations":[{"id":"CCSB","name":"a1b2c3d4"}]}';
    expect(echoes.contains(text)).toBe(false);
    expect(echoes.redact(text)).toBe(text);
  });

  it('does nothing without a key', () => {
    expect(keyEchoes(undefined).contains(KEY)).toBe(false);
    expect(keyEchoes(undefined).redact(KEY)).toBe(KEY);
  });

  it('looks for no form shorter than 8 characters', () => {
    expect(keyForms('short').every((form) => form.length >= 8)).toBe(true);
  });
});
