import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../server/security-headers.ts';
import { FLOOR_PAGE, floorHeaders } from './fresh-tab-floor.ts';

describe('the fresh-tab floor page', () => {
  it('is answered with the console’s own security headers, COOP among them', () => {
    const headers = floorHeaders(true);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name]).toBe(value);
    expect(headers['Cross-Origin-Opener-Policy']).toBe('same-origin');
  });

  it('differs only by COOP in its second arm', () => {
    const withCoop = floorHeaders(true);
    const without = floorHeaders(false);
    expect(without['Cross-Origin-Opener-Policy']).toBeUndefined();
    delete withCoop['Cross-Origin-Opener-Policy'];
    expect(without).toEqual(withCoop);
  });

  it('names its paragraph as the list names its first row, so one probe times both', () => {
    expect(FLOOR_PAGE).toContain('elementtiming="first-organization-row"');
  });
});
