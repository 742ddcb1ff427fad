/** One run of snippet text, either inside a highlight or outside it. */
export interface SnippetSegment {
  text: string;
  marked: boolean;
}

const OPEN_TAG = '<mark>';
const CLOSE_TAG = '</mark>';

/**
 * Splits a search snippet into text runs on the exact tags `<mark>` and `</mark>`; every other
 * character, markup-looking or not, stays text. Snippets are cut from RAW stored text
 * (docs/API-NOTES.md), so they may hold anything: tags are counted as a depth (nested marks
 * highlight once, a stray `</mark>` is dropped, an unclosed `<mark>` highlights to the end).
 * Adjacent runs of the same kind are merged and empty runs left out. Linear in the snippet's length
 * (no regular expression that could backtrack on hostile input).
 */
export function splitSnippet(snippet: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let depth = 0;
  let position = 0;
  const push = (text: string) => {
    if (text === '') return;
    const marked = depth > 0;
    const last = segments[segments.length - 1];
    if (last && last.marked === marked) last.text += text;
    else segments.push({ text, marked });
  };
  // Each tag search resumes only once the cursor has passed its last answer, so a snippet of
  // thousands of unclosed tags is still read once.
  let nextOpen = snippet.indexOf(OPEN_TAG);
  let nextClose = snippet.indexOf(CLOSE_TAG);
  while (position < snippet.length) {
    if (nextOpen !== -1 && nextOpen < position) nextOpen = snippet.indexOf(OPEN_TAG, position);
    if (nextClose !== -1 && nextClose < position) nextClose = snippet.indexOf(CLOSE_TAG, position);
    if (nextOpen === -1 && nextClose === -1) {
      push(snippet.slice(position));
      break;
    }
    const isOpen = nextClose === -1 || (nextOpen !== -1 && nextOpen < nextClose);
    const tagAt = isOpen ? nextOpen : nextClose;
    push(snippet.slice(position, tagAt));
    if (isOpen) {
      depth += 1;
      position = tagAt + OPEN_TAG.length;
    } else {
      depth = Math.max(0, depth - 1);
      position = tagAt + CLOSE_TAG.length;
    }
  }
  return segments;
}

/** The snippet as plain text, tags removed: what a screen reader or a copy should get. */
export function snippetText(snippet: string): string {
  return splitSnippet(snippet)
    .map((segment) => segment.text)
    .join('');
}
