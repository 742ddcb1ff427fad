// The built index.html starts the app only once the page's own HTML has been painted
// (vite.config.ts applies this to the build's index.html). The console server renders the list's
// first rows into that HTML (src/prerender.tsx); with the app's entry as a module script, a
// browser with the code cached evaluated it (~130 ms of CPU at full speed, ~4× that on a slow
// laptop) right after parsing, before its first frame, so the rows the HTML carried waited for
// the JS. Now the entry is only preloaded (fetched and compiled, not run) and an inline script
// imports it after the first frame: the rows paint before any of the app's code runs, and React
// adopts them straight after. A hidden tab (no frames) starts at once.

/** What the starter leaves on `window`: stops noting Ctrl+K and says whether it was pressed. */
export const EARLY_QUICK_LOOKUP_GLOBAL = '__consoleTakeEarlyQuickLookup';

/** Vite's entry tag in the built HTML: `<script type="module" crossorigin src="/assets/index-….js">`. */
const ENTRY_TAG = /<script type="module" crossorigin src="([^"]+)"><\/script>/;

/**
 * The inline starter: after parsing, one frame (painted), then the entry. Until the app listens
 * itself, Ctrl+K / ⌘K is noted rather than lost (the rows are on screen before the app runs, so a
 * person may ask for quick lookup then): the app takes the note when its shortcut starts to
 * listen (src/lib/search/earlyQuickLookup.ts).
 */
function starter(entry: string): string {
  // A classic inline script without attributes: server/page-html.ts allows it by its hash.
  return [
    '<script>',
    '      (function () {',
    '        var asked = false;',
    '        var early = function (event) {',
    "          if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && (event.key === 'k' || event.key === 'K')) {",
    '            event.preventDefault();',
    '            asked = !asked;',
    '          }',
    '        };',
    "        document.addEventListener('keydown', early, true);",
    `        window.${EARLY_QUICK_LOOKUP_GLOBAL} = function () {`,
    "          document.removeEventListener('keydown', early, true);",
    '          return asked;',
    '        };',
    `        var start = function () { import(${JSON.stringify(entry)}); };`,
    '        var afterPaint = function () {',
    "          if (document.visibilityState === 'hidden') start();",
    '          else requestAnimationFrame(function () { setTimeout(start, 0); });',
    '        };',
    "        if (document.readyState === 'loading') {",
    "          document.addEventListener('DOMContentLoaded', afterPaint, { once: true });",
    '        } else afterPaint();',
    '      })();',
    '    </script>',
  ].join('\n');
}

/** `html` with its module entry preloaded and started after the first paint. */
export function startAfterFirstPaint(html: string): string {
  const match = ENTRY_TAG.exec(html);
  if (match === null) {
    throw new Error('index.html: no <script type="module" crossorigin src> entry to defer');
  }
  const entry = match[1]!;
  return html.replace(
    match[0],
    () => `<link rel="modulepreload" crossorigin href="${entry}">\n    ${starter(entry)}`,
  );
}
