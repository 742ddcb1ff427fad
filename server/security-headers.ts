import { createMiddleware } from 'hono/factory';

// Mantine injects <style> tags at run time, so styles may be inline; scripts never are.
// Contact avatars may come from any https host; the API is always this origin (/v1).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Sets the security headers on every response, whoever produced it (static, API, errors). */
export const securityHeaders = createMiddleware(async (c, next) => {
  await next();
  try {
    setSecurityHeaders(c.res.headers);
  } catch (error) {
    // A response from fetch() (or Response.redirect) has immutable headers: copy it first. Only
    // then: a copy makes @hono/node-server send the body as a stream instead of at once.
    if (!(error instanceof TypeError)) throw error;
    const response = new Response(c.res.body, c.res);
    setSecurityHeaders(response.headers);
    c.res = undefined;
    c.res = response;
  }
});

const SECURITY_HEADER_ENTRIES = Object.entries(SECURITY_HEADERS);

function setSecurityHeaders(headers: Headers): void {
  for (const [name, value] of SECURITY_HEADER_ENTRIES) headers.set(name, value);
}
