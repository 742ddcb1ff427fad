// The first page's data as it travels in the page: a `<script type="application/json">` that no
// browser runs (the CSP need not allow it) and src/startup/startData/startData.ts reads with JSON.parse.

/** The id src/startup/startData/startData.ts looks the data up by (START_DATA_ELEMENT_ID there). */
export const START_DATA_ELEMENT_ID = 'console-start-data';

const UNSAFE_IN_SCRIPT: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * `value` as JSON that can sit inside a `<script>` element whatever strings it holds: `<`, `>` and
 * `&` are written as \u escapes (so no `</script>`, `<!--` or `<script` can end or confuse the
 * element), and so are U+2028/U+2029 (line terminators to older JavaScript parsers). JSON.parse
 * reads it back unchanged.
 */
export function serializeForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => UNSAFE_IN_SCRIPT[char]!);
}

/** The element carrying `data` in the page. */
export function startDataScript(data: unknown): string {
  return `<script type="application/json" id="${START_DATA_ELEMENT_ID}">${serializeForScript(data)}</script>`;
}
