import type { HighlightResultDto, OrganizationDto } from '../types.ts';
import { forEachSearchableField } from './document-fields.ts';
import { tokenize } from './tokenize.ts';

const MARK_OPEN = '<mark>';
const MARK_CLOSE = '</mark>';
/** Texts of more tokens than this are cut to a window of this many tokens around the first match. */
export const SNIPPET_TOKENS = 30;

/**
 * One highlight per field holding a matched token, in field rank order (name first). The
 * snippet is the RAW stored text (not escaped, as Typesense returns it) with `<mark>` and
 * `</mark>` around each matched token; `matchedTokens` are the raw tokens of the field that
 * matched, each once, in text order (all of them, not only those in a cut snippet's window: a
 * client can mark them in the whole stored text). Only the searchable part of the record is
 * read (see `forEachSearchableField`), as the index did.
 */
export function highlightOrganization(
  organization: OrganizationDto,
  isMatched: (folded: string) => boolean,
): HighlightResultDto[] {
  const highlights: HighlightResultDto[] = [];
  forEachSearchableField(organization, (path, _rank, text, end, maxTokens) => {
    const field = highlightField(text, isMatched, maxTokens, end);
    if (field.highlight) highlights.push({ field: path, ...field.highlight });
    return field.tokenCount;
  });
  return highlights;
}

function highlightField(
  text: string,
  isMatched: (folded: string) => boolean,
  maxTokens: number,
  end: number,
): { highlight?: { matchedTokens: string[]; snippet: string }; tokenCount: number } {
  const starts: number[] = [];
  const ends: number[] = [];
  const matched: boolean[] = [];
  const matchedTokens = new Set<string>();
  let firstMatch = -1;
  const tokenCount = tokenize(
    text,
    (folded, start, tokenEnd) => {
      const hit = isMatched(folded);
      if (hit) {
        if (firstMatch < 0) firstMatch = starts.length;
        matchedTokens.add(text.slice(start, tokenEnd));
      }
      starts.push(start);
      ends.push(tokenEnd);
      matched.push(hit);
    },
    maxTokens,
    end,
  );
  if (firstMatch < 0) return { tokenCount };

  let from = 0;
  let to = starts.length;
  if (starts.length > SNIPPET_TOKENS) {
    from = Math.max(0, Math.min(firstMatch - SNIPPET_TOKENS / 2, starts.length - SNIPPET_TOKENS));
    to = from + SNIPPET_TOKENS;
  }
  // A whole short text keeps its raw edges; a window, or a text read only in part, starts and
  // ends on a token.
  const readWhole = end === text.length && tokenCount < maxTokens;
  const whole = readWhole && from === 0 && to === starts.length;
  let cursor = whole ? 0 : (starts[from] as number);
  const textEnd = whole ? text.length : (ends[to - 1] as number);
  let snippet = '';
  for (let i = from; i < to; i++) {
    if (!matched[i]) continue;
    const start = starts[i] as number;
    const tokenEnd = ends[i] as number;
    snippet += text.slice(cursor, start) + MARK_OPEN + text.slice(start, tokenEnd) + MARK_CLOSE;
    cursor = tokenEnd;
  }
  snippet += text.slice(cursor, textEnd);
  return { highlight: { matchedTokens: [...matchedTokens], snippet }, tokenCount };
}
