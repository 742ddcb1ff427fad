import { memo } from 'react';
import { excerptAtFirstMark, markTokens } from '../lib/search/highlightText.ts';
import { splitSnippet, type SnippetSegment } from '../lib/search/searchSnippet.ts';
import classes from './Highlight.module.css';

type HighlightProps =
  /** The stored text and the search engine's matched tokens: marks are found in the text. */
  | { text: string; tokens: readonly string[]; snippet?: undefined }
  /** A search snippet (raw API text with `<mark>` … `</mark>`), where no stored text is at hand. */
  | { snippet: string; text?: undefined; tokens?: undefined };

function segmentsOf(props: HighlightProps): SnippetSegment[] {
  if (props.text !== undefined) return excerptAtFirstMark(markTokens(props.text, props.tokens));
  return splitSnippet(props.snippet);
}

/**
 * The one component that renders search highlights, as text and `<mark>` elements. From the
 * stored text (marks computed from the matched tokens, so stored `<mark>` tags are text like any
 * other), or from a snippet split on the two mark tags. Nothing is ever parsed as HTML: every
 * piece goes to React as a string, which escapes it. A plain `<mark>` with a class rather than
 * Mantine's Mark: a page of results has dozens of them and each is rendered as the user types.
 * Memoized: a text is marked once.
 */
export const Highlight = memo(function Highlight(props: HighlightProps) {
  return (
    <>
      {segmentsOf(props).map((segment, index) =>
        segment.marked ? (
          // Runs never move or reorder within one text, so their position is a stable key.
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
