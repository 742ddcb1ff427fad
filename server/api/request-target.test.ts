import { describe, expect, it } from 'vitest';
import {
  decodePathSegments,
  encodePath,
  encodeQuery,
  parseQuery,
  RequestTargetError,
  splitUrl,
  unforwardableSegment,
} from './request-target.ts';

describe('splitUrl', () => {
  it.each([
    ['http://localhost:4173/v1/a?b=1', '/v1/a', 'b=1'],
    ['http://localhost/v1/a', '/v1/a', ''],
    ['http://localhost', '/', ''],
    ['http://localhost/a?b=1#c', '/a', 'b=1'],
    ['http://localhost/a#c?d', '/a', ''],
  ])('%s', (url, path, search) => {
    expect(splitUrl(url)).toEqual({ path, search });
  });
});

describe('decodePathSegments', () => {
  it('decodes each segment once', () => {
    expect(decodePathSegments('/v1/a%20b/%25/%C3%BC')).toEqual(['v1', 'a b', '%', 'ü']);
  });

  it('keeps what only a second decoding would turn into a separator (the sandbox allows it)', () => {
    expect(decodePathSegments('/a%2Fb/%252e%252e')).toEqual(['a/b', '%2e%2e']);
  });

  it.each([
    ['/a/..;/b', /";"/],
    ['/a/%2e%2e', /"\." or "\.\." segments/],
    ['/a/.%2E%3Bx', /"\." or "\.\." segments/],
    ['/a;b', /";"/],
    ['/a/%ff', /not valid percent-encoded UTF-8/],
    ['/a/%e2%82', /not valid percent-encoded UTF-8/],
    ['/a/%zz', /not valid percent-encoded UTF-8/],
    ['/a/%ED%A0%80', /not valid percent-encoded UTF-8/],
  ])('refuses %s', (path, message) => {
    expect(() => decodePathSegments(path)).toThrow(RequestTargetError);
    expect(() => decodePathSegments(path)).toThrow(message);
  });
});

describe('unforwardableSegment', () => {
  it.each(['a/b', 'a\\b', '%2e%2e', 'x%2F', 'line\nbreak', 'nul\u0000', 'del\u007f'])(
    'names why %j cannot be forwarded',
    (segment) => {
      expect(unforwardableSegment(segment)).toMatch(/^The path must not/);
    },
  );

  it.each(['abc', 'a b', '100%', 'ü', '..x', '%zz', '🚀'])('forwards %j', (segment) => {
    expect(unforwardableSegment(segment)).toBeUndefined();
  });
});

describe('encodePath', () => {
  it('encodes each segment one way', () => {
    expect(encodePath(['v1', 'a b', 'ü', 'o-x!'])).toBe('/v1/a%20b/%C3%BC/o-x!');
  });
});

describe('parseQuery', () => {
  it('decodes + as a space and percent escapes, and skips empty pieces', () => {
    expect([...parseQuery('query=a+b%2Bc&&page=1&flag', ['query', 'page', 'flag'])]).toEqual([
      ['query', 'a b+c'],
      ['page', '1'],
      ['flag', ''],
    ]);
  });

  it('takes any name when no list is given', () => {
    expect(parseQuery('x=1', undefined).get('x')).toBe('1');
  });

  it.each([
    ['limit=1&limit=2', ['limit'], /"limit" is given more than once/],
    ['limit=1&limit=1', ['limit'], /"limit" is given more than once/],
    ['lim%69t=1&limit=2', ['limit'], /"limit" is given more than once/],
    ['x=1', ['limit'], /Unknown query parameter "x": this operation takes limit/],
    ['x=1', [], /takes none/],
    ['limit=%FF', ['limit'], /not valid percent-encoded UTF-8/],
    ['%E2=1', ['limit'], /not valid percent-encoded UTF-8/],
  ])('refuses %s', (search, allowed, message) => {
    expect(() => parseQuery(search, allowed)).toThrow(message);
  });

  it('encodes parameters back one way', () => {
    expect(
      encodeQuery(
        new Map([
          ['query', 'a b&c=d'],
          ['page', '1'],
        ]),
      ),
    ).toBe('query=a%20b%26c%3Dd&page=1');
  });
});
