// CSV as RFC 4180 writes it (CRLF line ends, fields quoted when they hold a comma, a quote or a
// line break, quotes doubled) for spreadsheets: UTF-8 with a byte-order mark (Excel reads UTF-8
// only with one), and a cell that a spreadsheet would run as a formula (first character =, +, -,
// @, tab or carriage return: OWASP's list) gets a leading apostrophe, so it is shown as text.

export const CSV_BOM = '\ufeff';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A cell's text, neutralised against formula injection; U+0000 (which Excel refuses) dropped. */
export function csvCell(value: unknown): string {
  let text =
    value === undefined || value === null
      ? ''
      : typeof value === 'string'
        ? value
        : typeof value === 'number' || typeof value === 'boolean'
          ? String(value)
          : JSON.stringify(value);
  // eslint-disable-next-line no-control-regex -- U+0000 is what it removes
  text = text.replace(/\u0000/g, '');
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/**
 * A streamed CSV body: the BOM and header first, then the rows as the source yields them, each
 * chunk sent as soon as it is made (no row limit; memory holds one chunk). Cancelling the
 * response (the browser went away) stops the source.
 */
export function csvStream(
  header: readonly string[],
  rows: AsyncIterable<readonly (readonly unknown[])[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvRow(header)));
        return;
      }
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map(csvRow).join('')));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** A streamed CSV download; `rows`, when known, lets the page show progress (X-Expected-Rows). */
export function csvResponse(
  body: ReadableStream<Uint8Array>,
  filename: string,
  rows: number | null,
): Response {
  const headers: Record<string, string> = {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'no-store',
  };
  if (rows !== null) headers['X-Expected-Rows'] = String(rows);
  return new Response(body, { headers });
}
