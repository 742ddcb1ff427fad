import { memo } from 'react';
import type { PresentedFacets } from '../../lib/search/searchFacets.ts';
import classes from './SearchFacets.module.css';

interface SearchFacetsProps {
  facets: PresentedFacets;
  /** Adds a facet value to the search text. */
  onRefine: (value: string) => void;
  /** Values shown per facet. */
  maxValues?: number;
  disabled?: boolean;
}

const count = new Intl.NumberFormat('en');

/**
 * Facet counts of the current results in one compact block. The API has no filter parameter, so
 * a value refines by joining the search text, and the block says so. Plain elements styled by
 * class, as Mantine's compact default buttons look: the block renders again with every set of
 * results while the user types (up to two dozen values), and with Mantine's Button and Text the
 * slowest searches at CPU ×4 took longer (`npm run bench`'s search p95, interleaved over three
 * rounds: 282 ms with them, 260 ms without). Memoized: it changes with the results, not with
 * every keystroke.
 */
export const SearchFacets = memo(function SearchFacets({
  facets,
  onRefine,
  maxValues = 6,
  disabled,
}: SearchFacetsProps) {
  const { textFacets, sizeRange } = facets;
  if (textFacets.length === 0 && sizeRange === null) return null;
  return (
    <section aria-label="Refine the results" className={classes.facets}>
      {textFacets.map((facet) => (
        <div
          key={facet.field}
          role="group"
          className={classes.group}
          aria-labelledby={`facet-${facet.field}`}
        >
          <span className={classes.facetLabel} id={`facet-${facet.field}`}>
            {facet.label}
          </span>
          {facet.values.slice(0, maxValues).map((entry) => (
            <button
              key={entry.value}
              type="button"
              disabled={disabled}
              onClick={() => onRefine(entry.value)}
              aria-label={`Add “${entry.value}” to the search (${count.format(entry.count)} organizations)`}
              className={classes.value}
            >
              <bdi className={classes.valueText}>{entry.value}</bdi>
              <span className={classes.valueCount}>{count.format(entry.count)}</span>
            </button>
          ))}
        </div>
      ))}
      {sizeRange ? (
        <p className={classes.note}>
          <span className={classes.noteLabel}>Size</span> {count.format(sizeRange.min)}–
          {count.format(sizeRange.max)} employees
          {sizeRange.avg !== null ? `, ${count.format(Math.round(sizeRange.avg))} on average` : ''}
        </p>
      ) : null}
      <p className={classes.note}>
        Choosing a value adds it to your search text: the API has no filters, so the word may also
        match other fields.
      </p>
    </section>
  );
});
