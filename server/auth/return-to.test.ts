import { describe, expect, it } from 'vitest';
import { checkReturnTo, signInUrl } from './return-to.ts';

describe('checkReturnTo', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['/chatbots/demo/organizations?q=acme', '/chatbots/demo/organizations?q=acme'],
    ['/chatbots/demo/organizations/a%2Fb#contacts', '/chatbots/demo/organizations/a%2Fb#contacts'],
    // The lookup's sign-in pop-up ends there (frame-sign-in-routes.ts); no other sign-in address.
    ['/console/frame-sign-in', '/console/frame-sign-in'],
  ])('accepts %j as %j', (value, path) => {
    expect(checkReturnTo(value)).toEqual({ ok: true, path });
  });

  it.each([
    '//evil.test',
    '///evil.test',
    '/\\evil.test',
    'https://evil.test',
    'javascript:alert(1)',
    'evil.test/path',
    '/\tevil',
    '/a b',
    '/x\u0000',
    '/a/../../b',
    '/caf\u00e9',
    '/console/callback?code=x',
    '/console/frame-sign-in?next=//evil.test',
    '/console/frame-sign-in/code',
    '/v1/chatbots',
    `/${'a'.repeat(2_048)}`,
  ])('refuses %j', (value) => {
    expect(checkReturnTo(value).ok).toBe(false);
  });

  it('makes the sign-in address that comes back', () => {
    expect(signInUrl('/')).toBe('/console/sign-in');
    expect(signInUrl('/a?b=c')).toBe('/console/sign-in?returnTo=%2Fa%3Fb%3Dc');
  });
});
