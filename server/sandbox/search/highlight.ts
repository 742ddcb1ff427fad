import type { HighlightResultDto, OrganizationDto } from '../types.ts';
import { documentFields } from './document-fields.ts';
import { tokenize } from './tokenize.ts';

const MARK_OPEN = '<mark>';
const MARK_CLOSE = '</mark>';
/** Texts of more tokens than this are cut to a window of this many tokens around the first match. */
export const SNIPPET_TOKENS = 30;

/**
 * One highlight per field holding a matched token, in field rank order (name first). The
 * snippet is the RAW stored text (not escaped, as Typesense returns it) with `<mark>` and
 * `</mark>` around each matched token; `matchedTokens` are those raw tokens, each once.
 */
export function highlightOrganization(
  organization: OrganizationDto,
  isMatched: (folded: string) => boolean,
): HighlightResultDto[] {
  const highlights: HighlightResultDto[] = [];
  for (const field of documentFields(organization)) {
    const highlight = highlightText(field.text, isMatched);
    if (highlight) highlights.push({ field: field.path, ...highlight });
  }
  return highlights;
}

export function highlightText(
  text: string,
  isMatched: (folded: string) => boolean,
): { matchedTokens: string[]; snippet: string } | undefined {
  const starts: number[] = [];
  const ends: number[] = [];
  const matched: boolean[] = [];
  let firstMatch = -1;
  tokenize(text, (folded, start, end) => {
    const hit = isMatched(folded);
    if (hit && firstMatch < 0) firstMatch = starts.length;
    starts.push(start);
    ends.push(end);
    matched.push(hit);
  });
  if (firstMatch < 0) return undefined;

  let from = 0;
  let to = starts.length;
  if (starts.length > SNIPPET_TOKENS) {
    from = Math.max(0, Math.min(firstMatch - SNIPPET_TOKENS / 2, starts.length - SNIPPET_TOKENS));
    to = from + SNIPPET_TOKENS;
  }
  // A whole short text keeps its raw edges; a window starts and ends on a token.
  let cursor = from === 0 && to === starts.length ? 0 : (starts[from] as number);
  const textEnd = from === 0 && to === starts.length ? text.length : (ends[to - 1] as number);
  let snippet = '';
  const matchedTokens: string[] = [];
  for (let i = from; i < to; i++) {
    if (!matched[i]) continue;
    const start = starts[i] as number;
    const end = ends[i] as number;
    const raw = text.slice(start, end);
    if (!matchedTokens.includes(raw)) matchedTokens.push(raw);
    snippet += text.slice(cursor, start) + MARK_OPEN + raw + MARK_CLOSE;
    cursor = end;
  }
  snippet += text.slice(cursor, textEnd);
  return { matchedTokens, snippet };
}
