import { Mark } from '@mantine/core';
import { splitSnippet } from '../lib/searchSnippet.ts';

interface HighlightProps {
  /** A search snippet: raw API text where `<mark>` … `</mark>` wrap the matched parts. */
  snippet: string;
}

/**
 * Renders a search snippet as text and `<mark>` elements. The snippet is never parsed as HTML:
 * it is split on the two mark tags and every piece goes to React as a string, which escapes it.
 */
export function Highlight({ snippet }: HighlightProps) {
  return (
    <>
      {splitSnippet(snippet).map((segment, index) =>
        segment.marked ? (
          // Runs never move or reorder within one snippet, so their position is a stable key.
          <Mark key={index}>{segment.text}</Mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
