import { describe, expect, it } from 'vitest';
import {
  embedOriginsOf,
  isAllowedOrigin,
  MAX_MESSAGE_LENGTH,
  readAppContext,
} from './chatwootContext.ts';

const message = (contact: unknown, event = 'appContext') =>
  JSON.stringify({ event, data: { conversation: { id: 1 }, contact, currentAgent: { id: 2 } } });

describe('readAppContext', () => {
  it("reads Chatwoot's message, as a JSON string or an object: company and e-mail", () => {
    const contact = {
      name: 'Ada Lovelace',
      email: ' Ada@Analytical.Example ',
      phone_number: '+44',
      additional_attributes: { company_name: '  Analytical   Engines ' },
    };
    const hint = { name: 'Analytical Engines', email: 'ada@analytical.example' };
    expect(readAppContext(message(contact))).toEqual(hint);
    expect(readAppContext(JSON.parse(message(contact)) as unknown)).toEqual(hint);
  });

  it('keeps what is usable of a contact and drops the rest', () => {
    expect(readAppContext(message({ email: 'no-at-sign' }))).toBeNull();
    expect(readAppContext(message({ email: 'x@y.example', additional_attributes: 'x' }))).toEqual({
      email: 'x@y.example',
    });
    expect(
      readAppContext(message({ additional_attributes: { company_name: '\u0000\u202e ' } })),
    ).toBeNull();
    expect(readAppContext(message({ email: `${'a'.repeat(250)}@b.example` }))).toBeNull();
    const longName = 'N'.repeat(5_000);
    expect(
      readAppContext(message({ additional_attributes: { company_name: longName } }))?.name,
    ).toHaveLength(200);
  });

  it('ignores other events, other shapes, broken JSON and oversized messages', () => {
    for (const other of [
      message({ email: 'a@b.example' }, 'other'),
      JSON.stringify({ event: 'appContext', data: { contact: ['a@b.example'] } }),
      JSON.stringify({ event: 'appContext' }),
      JSON.stringify(['appContext']),
      '{"event":"appContext"',
      'chatwoot-dashboard-app:fetch-info',
      null,
      42,
      `${message({ email: 'a@b.example' })}${' '.repeat(MAX_MESSAGE_LENGTH)}`,
    ]) {
      expect(readAppContext(other)).toBeNull();
    }
  });
});

describe('isAllowedOrigin', () => {
  it('takes exactly the listed origins, never "null" or a look-alike', () => {
    const allowed = ['https://chat.example.com'];
    expect(isAllowedOrigin('https://chat.example.com', allowed)).toBe(true);
    expect(isAllowedOrigin('https://chat.example.com.evil.test', allowed)).toBe(false);
    expect(isAllowedOrigin('http://chat.example.com', allowed)).toBe(false);
    expect(isAllowedOrigin('null', ['null'])).toBe(false);
    expect(isAllowedOrigin('https://chat.example.com', [])).toBe(false);
  });
});

describe('embedOriginsOf', () => {
  it("reads the server's meta tag, keeping only origins", () => {
    expect(embedOriginsOf('https://a.example http://127.0.0.1:4516 javascript:x *')).toEqual([
      'https://a.example',
      'http://127.0.0.1:4516',
    ]);
    expect(embedOriginsOf('')).toEqual([]);
    expect(embedOriginsOf(null)).toEqual([]);
  });
});
