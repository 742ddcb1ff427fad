// The few pages the console server itself renders around sign-in (signed out, no role, a sign-in
// that failed): plain HTML with inline styles only (the console's CSP allows no inline script),
// every value escaped, light and dark.

export interface PageAction {
  href: string;
  label: string;
}

export interface AuthPage {
  title: string;
  /** Paragraphs of text (escaped here). */
  paragraphs: readonly string[];
  actions: readonly PageAction[];
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export const PAGE_STYLE = `
:root { color-scheme: light dark; --bg: #f5f6f8; --card: #fff; --text: #1a1b1e; --muted: #495057;
  --accent: #1c64d8; --accent-text: #fff; --border: #dee2e6; }
@media (prefers-color-scheme: dark) { :root { --bg: #141517; --card: #1f2023; --text: #e9ecef;
  --muted: #adb5bd; --accent: #4d8ef7; --accent-text: #0b0c0e; --border: #373a40; } }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; padding: 16px;
  background: var(--bg); color: var(--text); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { width: 100%; max-width: 440px; background: var(--card); border: 1px solid var(--border);
  border-radius: 12px; padding: 28px; }
.brand { margin: 0 0 16px; color: var(--muted); font-size: 14px; font-weight: 600; }
h1 { margin: 0 0 12px; font-size: 22px; line-height: 1.3; }
p { margin: 0 0 12px; color: var(--muted); overflow-wrap: anywhere; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 20px; }
a.button { display: inline-block; padding: 8px 16px; border-radius: 8px; text-decoration: none;
  font-weight: 600; border: 1px solid var(--accent); color: var(--accent); }
a.button.primary { background: var(--accent); color: var(--accent-text); }
a.button:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
`;

export function renderAuthPage(page: AuthPage): string {
  const paragraphs = page.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n');
  const actions = page.actions
    .map(
      (action, index) =>
        `<a class="button${index === 0 ? ' primary' : ''}" href="${escapeHtml(action.href)}">${escapeHtml(action.label)}</a>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} · Organizations Console</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main>
<p class="brand">Organizations Console</p>
<h1>${escapeHtml(page.title)}</h1>
${paragraphs}
${actions === '' ? '' : `<div class="actions">${actions}</div>`}
</main>
</body>
</html>`;
}
