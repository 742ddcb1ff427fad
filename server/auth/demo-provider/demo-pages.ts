// The demo provider's own pages: sign-in (naming the three demo users), sign-out and errors. No
// script at all; one stylesheet, inline and allowed by its hash, so the pages pass the same
// Content-Security-Policy rules as the console (demoPageHeaders).
import { createHash } from 'node:crypto';
import { escapeHtml, PAGE_STYLE } from '../auth-pages.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.ts';

const FORM_STYLE = `
form { display: grid; gap: 12px; margin-top: 8px; }
label { font-weight: 600; font-size: 14px; display: grid; gap: 4px; color: var(--text); }
input { font: inherit; padding: 8px 10px; border-radius: 8px; border: 1px solid var(--muted);
  background: var(--bg); color: var(--text); }
input:focus-visible, button:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
input[aria-invalid="true"] { border-color: var(--error); }
button { font: inherit; font-weight: 600; padding: 9px 16px; border-radius: 8px; cursor: pointer;
  border: 1px solid var(--accent); background: var(--accent); color: var(--accent-text); }
button.secondary { background: transparent; color: var(--accent); }
.error { color: var(--error); font-weight: 600; }
table { width: 100%; border-collapse: collapse; margin-top: 20px; font-size: 14px; }
caption { text-align: left; font-weight: 600; margin-bottom: 6px; }
th, td { text-align: left; padding: 6px 8px 6px 0; border-top: 1px solid var(--border); }
th { font-weight: 600; }
code { font-size: 14px; }
.note { font-size: 14px; margin-top: 16px; }
:root { --error: #c92a2a; }
@media (prefers-color-scheme: dark) { :root { --error: #ff8787; } }
`;

const STYLE = `${PAGE_STYLE}${FORM_STYLE}`;
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/**
 * The headers of every demo provider response: the console's policy (security-headers.ts) with
 * only this stylesheet allowed, and forms that may lead back to the console (a form's redirects
 * count for `form-action`: the sign-in form ends at the console's callback).
 */
export function demoPageHeaders(consoleOrigins: readonly string[]): Record<string, string> {
  return {
    'Content-Security-Policy': [
      "default-src 'none'",
      `style-src ${STYLE_HASH}`,
      "img-src 'self'",
      `form-action 'self' ${consoleOrigins.join(' ')}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    // Not same-origin: the framed lookup signs in through a pop-up that must stay linked to the
    // frame that opened it at every step (server/auth/frame-sign-in-routes.ts), as it does at the
    // providers that offer pop-up sign-in. Its pages hold nothing another window could read.
    'Cross-Origin-Opener-Policy': 'unsafe-none',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Demo sign-in</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="brand">Demo sign-in provider · Organizations Console</p>
${body}
</main>
</body>
</html>`;
}

export interface LoginForm {
  /** Where the form posts: /interaction/<uid>/login. */
  action: string;
  email: string;
  error: string | undefined;
}

export function loginPage(form: LoginForm): string {
  const invalid =
    form.error === undefined ? '' : ' aria-invalid="true" aria-describedby="login-error"';
  const users = DEMO_USERS.map(
    (user) =>
      `<tr><td><code>${escapeHtml(user.email)}</code></td><td>${escapeHtml(user.role)}</td><td>${escapeHtml(user.name)}</td></tr>`,
  ).join('\n');
  return layout(
    'Sign in',
    `<h1>Sign in</h1>
<p>This is the console's built-in demo provider (<code>CONSOLE_AUTH=demo</code>): sign in as one of the demo users below to try each role.</p>
${form.error === undefined ? '' : `<p class="error" id="login-error" role="alert">${escapeHtml(form.error)}</p>`}
<form method="post" action="${escapeHtml(form.action)}">
<label>E-mail<input type="email" name="email" autocomplete="username" required value="${escapeHtml(form.email)}"${invalid}></label>
<label>Password<input type="password" name="password" autocomplete="current-password" required${invalid}></label>
<button type="submit">Sign in</button>
</form>
<table>
<caption>Demo users — the password of each is <code>${DEMO_PASSWORD}</code></caption>
<thead><tr><th scope="col">E-mail</th><th scope="col">Role</th><th scope="col">Name</th></tr></thead>
<tbody>
${users}
</tbody>
</table>
<p class="note">Never use this provider for real accounts: its users and password are public.</p>`,
  );
}

/** RP-initiated logout's question; `form` is oidc-provider's hidden form (id="op.logoutForm"). */
export function logoutPage(form: string): string {
  return layout(
    'Sign out',
    `<h1>Sign out of the demo provider?</h1>
<p>You have signed out of the Organizations Console. Sign out of the demo provider too, so that the next sign-in asks who you are?</p>
${form}
<div class="actions">
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
<button class="secondary" type="submit" form="op.logoutForm">No, stay signed in</button>
</div>`,
  );
}

export function signedOutPage(): string {
  return layout(
    'Signed out',
    '<h1>You have signed out</h1><p>You are signed out of the demo provider.</p>',
  );
}

export function errorPage(message: string, consoleUrl: string): string {
  return layout(
    'Sign-in problem',
    `<h1>Sign-in did not work</h1>
<p>${escapeHtml(message)}</p>
<div class="actions"><a class="button primary" href="${escapeHtml(consoleUrl)}">Back to the console</a></div>`,
  );
}
