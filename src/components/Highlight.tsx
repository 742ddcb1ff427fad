import { memo } from 'react';
import { splitSnippet } from '../lib/searchSnippet.ts';
import classes from './Highlight.module.css';

interface HighlightProps {
  /** A search snippet: raw API text where `<mark>` … `</mark>` wrap the matched parts. */
  snippet: string;
}

/**
 * Renders a search snippet as text and `<mark>` elements. The snippet is never parsed as HTML:
 * it is split on the two mark tags and every piece goes to React as a string, which escapes it.
 * A plain `<mark>` with a class rather than Mantine's Mark: a page of results has dozens of them
 * and each is rendered as the user types. Memoized: a snippet is split once.
 */
export const Highlight = memo(function Highlight({ snippet }: HighlightProps) {
  return (
    <>
      {splitSnippet(snippet).map((segment, index) =>
        segment.marked ? (
          // Runs never move or reorder within one snippet, so their position is a stable key.
          <mark key={index} className={classes.mark}>
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
});
