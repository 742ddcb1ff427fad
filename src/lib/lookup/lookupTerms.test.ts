import { describe, expect, it } from 'vitest';
import {
  chooseTerm,
  cleanEmail,
  emailDomain,
  hintFromSearchParams,
  lookupTerms,
  organizationMatchesTerm,
} from './lookupTerms.ts';

describe('lookupTerms', () => {
  it("searches an e-mail's domain first, then the address", () => {
    expect(lookupTerms({ email: 'Ada@Mail.Acme.Example' })).toEqual([
      { text: 'mail.acme.example', query: 'mail acme', kind: 'domain' },
      { text: 'ada@mail.acme.example', query: 'ada mail acme', kind: 'email' },
    ]);
    // The TLD, www and two-letter labels are no words worth searching.
    expect(lookupTerms({ email: 'a@www.shop.co.uk' })[0]?.query).toBe('shop');
    expect(lookupTerms({ email: 'a@x.se' })[0]?.query).toBe('x.se');
  });

  it('skips free-mail domains: they name no organization', () => {
    expect(lookupTerms({ email: 'someone@gmail.com' })).toEqual([
      { text: 'someone@gmail.com', query: 'someone gmail', kind: 'email' },
    ]);
    expect(lookupTerms({ email: 'x@outlook.com' })).toHaveLength(1);
  });

  it('puts the query, then the name, first; each term once; nothing for nothing usable', () => {
    expect(lookupTerms({ query: ' acme ', name: 'Acme', email: 'a@acme.example' })).toEqual([
      { text: 'acme', query: 'acme', kind: 'text' },
      { text: 'Acme', query: 'Acme', kind: 'text' },
      { text: 'acme.example', query: 'acme', kind: 'domain' },
      { text: 'a@acme.example', query: 'a acme', kind: 'email' },
    ]);
    expect(lookupTerms({ query: '  ', email: 'nope' })).toEqual([]);
  });

  it('reads ?q=, ?name= and ?email=', () => {
    expect(hintFromSearchParams(new URLSearchParams('q=a&name=b&email=c%40d.e&x=1'))).toEqual({
      query: 'a',
      name: 'b',
      email: 'c@d.e',
    });
  });
});

describe('e-mail addresses', () => {
  it('are recognised, lower-cased, and their domain read', () => {
    expect(cleanEmail('A@B.example')).toBe('a@b.example');
    expect(cleanEmail('a@b')).toBeNull();
    expect(cleanEmail('a b@c.example')).toBeNull();
    expect(cleanEmail('<a@b.example>')).toBeNull();
    expect(emailDomain('x@sub.b.example')).toBe('sub.b.example');
  });
});

describe('organizationMatchesTerm', () => {
  const domain = { text: 'acme.example', query: 'acme', kind: 'domain' } as const;
  it('keeps hits whose e-mail or website is at the domain (or below it)', () => {
    expect(organizationMatchesTerm({ website: 'https://www.acme.example/about' }, domain)).toBe(
      true,
    );
    expect(organizationMatchesTerm({ website: 'shop.acme.example' }, domain)).toBe(true);
    expect(organizationMatchesTerm({ email: 'info@eu.acme.example' }, domain)).toBe(true);
    expect(organizationMatchesTerm({ website: 'https://acme.example.evil.test' }, domain)).toBe(
      false,
    );
    expect(organizationMatchesTerm({ email: 'x@notacme.example' }, domain)).toBe(false);
    expect(organizationMatchesTerm({}, domain)).toBe(false);
  });

  it('keeps hits with exactly the address for an e-mail, any hit for text', () => {
    const email = { text: 'ada@gmail.com', query: 'ada gmail', kind: 'email' } as const;
    expect(organizationMatchesTerm({ email: 'Ada@gmail.com' }, email)).toBe(true);
    expect(organizationMatchesTerm({ email: 'bob@gmail.com' }, email)).toBe(false);
    expect(organizationMatchesTerm({}, { text: 'x', query: 'x', kind: 'text' })).toBe(true);
  });
});

describe('chooseTerm', () => {
  it('waits for earlier terms, then takes the first that found anything', () => {
    expect(chooseTerm(['a', 'b'], [undefined, 3])).toBeUndefined();
    expect(chooseTerm(['a', 'b'], [0, undefined])).toBeUndefined();
    expect(chooseTerm(['a', 'b'], [0, 3])).toBe('b');
    expect(chooseTerm(['a', 'b'], [2, undefined])).toBe('a');
    expect(chooseTerm(['a', 'b'], [0, 0])).toBeNull();
  });
});
