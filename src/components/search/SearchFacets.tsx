import { Button, Group, Text } from '@mantine/core';
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
 * a value refines by joining the search text, and the block says so. Memoized: it changes with
 * the results, not with every keystroke.
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
        <Group
          key={facet.field}
          gap={6}
          wrap="wrap"
          align="center"
          role="group"
          className={classes.group}
          aria-labelledby={`facet-${facet.field}`}
        >
          <Text size="xs" fw={600} className={classes.facetLabel} id={`facet-${facet.field}`}>
            {facet.label}
          </Text>
          {facet.values.slice(0, maxValues).map((entry) => (
            <Button
              key={entry.value}
              size="compact-xs"
              variant="default"
              radius="xl"
              disabled={disabled}
              onClick={() => onRefine(entry.value)}
              aria-label={`Add “${entry.value}” to the search (${count.format(entry.count)} organizations)`}
              className={classes.value}
            >
              <bdi className={classes.valueText}>{entry.value}</bdi>
              <Text span size="xs" c="dimmed" ml={6} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {count.format(entry.count)}
              </Text>
            </Button>
          ))}
        </Group>
      ))}
      {sizeRange ? (
        <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
          <Text span size="xs" fw={600} c="var(--mantine-color-text)">
            Size
          </Text>{' '}
          {count.format(sizeRange.min)}–{count.format(sizeRange.max)} employees
          {sizeRange.avg !== null ? `, ${count.format(Math.round(sizeRange.avg))} on average` : ''}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed">
        Choosing a value adds it to your search text: the API has no filters, so the word may also
        match other fields.
      </Text>
    </section>
  );
});
