import { describe, expect, it } from 'vitest';
import hostileStrings from '../../../../fixtures/hostile-strings.json';
import { formatAddressLines } from './formatAddress.ts';
import { websiteHref } from './websiteHref.ts';

describe('formatAddressLines', () => {
  it('writes a German address street first, postcode before the city', () => {
    expect(
      formatAddressLines({
        street: 'Unter den Linden',
        houseNumber: '77',
        zipcode: '10117',
        location: 'Berlin',
        country: 'Germany',
      }),
    ).toEqual(['Unter den Linden 77', '10117 Berlin', 'Germany']);
  });

  it('writes a US address number first, postcode after the city', () => {
    expect(
      formatAddressLines({
        street: 'Market Street',
        houseNumber: '1200',
        zipcode: '98101',
        location: 'Seattle',
        country: 'United States',
      }),
    ).toEqual(['1200 Market Street', 'Seattle 98101', 'United States']);
  });

  it('leaves out empty parts and lines', () => {
    expect(formatAddressLines({ location: 'Paris' })).toEqual(['Paris']);
    expect(formatAddressLines({})).toEqual([]);
    expect(formatAddressLines(undefined)).toEqual([]);
  });
});

describe('websiteHref', () => {
  it('links absolute http(s) addresses only', () => {
    expect(websiteHref('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(websiteHref('HTTP://EXAMPLE.COM')).toBe('http://example.com/');
    expect(websiteHref('example.com')).toBeUndefined();
    expect(websiteHref(undefined)).toBeUndefined();
  });

  it('never links a hostile string that is not an http(s) URL', () => {
    for (const text of hostileStrings as string[]) {
      const href = websiteHref(text);
      if (href !== undefined) expect(href).toMatch(/^https?:\/\//);
    }
    expect(websiteHref('javascript:alert(1)')).toBeUndefined();
    expect(websiteHref(' javascript:alert(1)')).toBeUndefined();
    expect(websiteHref(' https://example.com')).toBeUndefined();
    expect(websiteHref('data:text/html,<script>alert(1)</script>')).toBeUndefined();
  });
});
