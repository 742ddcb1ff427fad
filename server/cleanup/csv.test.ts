import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import hostileStrings from '../../fixtures/hostile-strings.json';
import { CSV_BOM, csvCell, csvRow, csvStream } from './csv.ts';

async function* pages(rows: unknown[][], size: number) {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}

/** The stream's text with its BOM kept (Response.text() would drop it). */
async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

describe('CSV', () => {
  it('quotes what RFC 4180 says and neutralises formula starts', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+49 30 1234')).toBe("'+49 30 1234");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(undefined)).toBe('');
    expect(csvRow(['a', 1])).toBe('a,1\r\n');
  });

  it('streams a BOM, the header and every row; read back, hostile strings are intact', async () => {
    const hostile = hostileStrings as string[];
    const rows = hostile.map((value, index) => [
      String(index),
      value,
      `=cmd|' /C calc'!A0${value}`,
    ]);
    const body = await text(csvStream(['id', 'value', 'formula'], pages(rows, 7)));
    expect(body.startsWith(CSV_BOM + 'id,value,formula\r\n')).toBe(true);
    const read = parse(body.slice(1), { columns: true }) as Record<string, string>[];
    expect(read).toHaveLength(hostile.length);
    for (const [index, row] of read.entries()) {
      // eslint-disable-next-line no-control-regex -- U+0000 is what the export drops
      const original = hostile[index]!.replace(/\u0000/g, '');
      const expected = /^[=+\-@\t\r]/.test(original) ? `'${original}` : original;
      expect(row.value).toBe(expected);
      expect(row.formula?.startsWith("'=cmd")).toBe(true);
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('streams 100,000 rows without holding them all', async () => {
    async function* many() {
      for (let page = 0; page < 400; page++) {
        yield Array.from({ length: 250 }, (_, i) => [page * 250 + i, 'x']);
      }
    }
    const body = await text(csvStream(['n', 'x'], many()));
    expect(body.split('\r\n')).toHaveLength(100_002);
    expect(body.startsWith(CSV_BOM)).toBe(true);
  });
});
