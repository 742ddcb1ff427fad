// The page the lookup's sign-in pop-up ends on (GET /console/frame-sign-in, frame-sign-in-routes.ts):
// in the pop-up, a top-level window where the person is now signed in, its one inline script asks
// the console for a one-time code and hands it to the window that opened the pop-up — the lookup
// inside a chat tool's frame — by postMessage to the console's own origin only, so no other site's
// window can read it. The frame swaps the code for a session of its own and closes this window.
import { createHash } from 'node:crypto';
import { escapeHtml, PAGE_STYLE } from './auth-pages.ts';

export const FRAME_SIGN_IN_PATH = '/console/frame-sign-in';
export const FRAME_SIGN_IN_CODE_PATH = '/console/frame-sign-in/code';
export const FRAME_SIGN_IN_REDEEM_PATH = '/console/frame-sign-in/redeem';
/** The message's `type`, as the lookup (src/hooks/lookup/useFrameSignIn.ts) expects it. */
export const FRAME_SIGN_IN_MESSAGE = 'organizations-console:frame-sign-in';

const SCRIPT = `(async () => {
  const status = document.getElementById('status');
  const opener = window.opener;
  if (opener === null || opener === window) {
    status.textContent = 'You are signed in. This window was not opened by the lookup in your chat tool, so there is nothing to hand over: close it and press Sign in there.';
    return;
  }
  try {
    const response = await fetch(${JSON.stringify(FRAME_SIGN_IN_CODE_PATH)}, {
      method: 'POST',
      headers: { 'x-console-request': '1' },
      credentials: 'same-origin',
    });
    if (!response.ok) throw new Error(String(response.status));
    const { code } = await response.json();
    opener.postMessage({ type: ${JSON.stringify(FRAME_SIGN_IN_MESSAGE)}, code }, location.origin);
    status.textContent = 'You are signed in. The lookup in your chat tool takes it from here; this window closes by itself.';
  } catch (error) {
    status.textContent = 'You are signed in, but the console could not pass the sign-in to your chat tool (' + error.message + '). Close this window and press Sign in there again.';
  }
})();`;

/** The CSP source that allows the script above and nothing else inline. */
export const FRAME_SIGN_IN_SCRIPT_HASH = `'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'`;

export function renderFrameSignInPage(who: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Signing in the lookup · Organizations Console</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main>
<p class="brand">Organizations Console</p>
<h1>Signed in as ${escapeHtml(who)}</h1>
<p id="status" role="status">Passing the sign-in to the lookup in your chat tool…</p>
</main>
<script>${SCRIPT}</script>
</body>
</html>`;
}
