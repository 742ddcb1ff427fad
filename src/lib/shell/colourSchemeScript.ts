// The script both pages (index.html, lookup.html) run before their first paint: it applies the
// colour scheme Mantine will apply (the choice stored by the toggle, else the system's), so a page
// the server rendered never flashes light in dark mode. The pages hold only a marker; the Vite
// config puts this script in its place (dev and build), and the console server allows it by its
// hash in the CSP (server/page-html.ts).

/** Where a page wants the script: an HTML comment in its head. */
export const COLOUR_SCHEME_MARKER = '<!-- colour-scheme-script -->';

/** Mantine's key for the stored choice (its localStorage colour scheme manager). */
export const COLOUR_SCHEME_STORAGE_KEY = 'mantine-color-scheme-value';

const SCRIPT = `
      try {
        let scheme = localStorage.getItem('${COLOUR_SCHEME_STORAGE_KEY}');
        if (scheme !== 'light' && scheme !== 'dark') {
          scheme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
        }
        document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
      } catch (error) {
        // No storage (blocked): Mantine applies the scheme when it starts.
      }
    `;

/** The page's HTML with the script in place of its marker; throws when the marker is missing. */
export function withColourSchemeScript(html: string): string {
  if (!html.includes(COLOUR_SCHEME_MARKER)) {
    throw new Error(`The page has no ${COLOUR_SCHEME_MARKER} for its colour-scheme script.`);
  }
  return html.replace(COLOUR_SCHEME_MARKER, `<script>${SCRIPT}</script>`);
}
