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
  // A response passed through from elsewhere may have immutable headers: copy it first.
  const response = new Response(c.res.body, c.res);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  c.res = undefined;
  c.res = response;
});
