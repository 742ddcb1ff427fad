import type { SearchFacetData } from './searchTypes.ts';

export interface FacetValueCount {
  value: string;
  count: number;
}

/** A text facet whose values can refine the search. */
export interface TextFacet {
  field: string;
  label: string;
  values: FacetValueCount[];
}

/** The spread of organization sizes among the found hits. */
export interface SizeRange {
  min: number;
  max: number;
  avg: number | null;
}

export interface PresentedFacets {
  textFacets: TextFacet[];
  sizeRange: SizeRange | null;
}

const TEXT_FACETS: ReadonlyArray<{ field: string; label: string }> = [
  { field: 'industry', label: 'Industry' },
  { field: 'address.country', label: 'Country' },
];

/**
 * The facets a results header shows: industry and country values by count (values without
 * text left out: they cannot be added to a search), and the size range from the size facet's
 * stats. Facets the server did not send are simply absent.
 */
export function presentFacets(facetCounts: readonly SearchFacetData[]): PresentedFacets {
  const byField = new Map(facetCounts.map((facet) => [facet.fieldName, facet]));
  const textFacets: TextFacet[] = [];
  for (const { field, label } of TEXT_FACETS) {
    const facet = byField.get(field);
    const values = (facet?.counts ?? [])
      .filter((entry) => entry.value.trim() !== '' && entry.count > 0)
      .map((entry) => ({ value: entry.value, count: entry.count }))
      .sort((a, b) => b.count - a.count);
    if (values.length > 0) textFacets.push({ field, label, values });
  }
  const stats = byField.get('size')?.stats;
  const sizeRange =
    stats && typeof stats.min === 'number' && typeof stats.max === 'number'
      ? { min: stats.min, max: stats.max, avg: typeof stats.avg === 'number' ? stats.avg : null }
      : null;
  return { textFacets, sizeRange };
}
