// The `meta` every query of the console carries: how to name its data in a person's words, for
// the "Couldn't refresh …" notification of a failed background refetch (queryClient.ts).

export interface ConsoleQueryMeta extends Record<string, unknown> {
  /** "organizations", "the organization", "search results". */
  refreshLabel: string;
}

export function refreshMeta(refreshLabel: string): ConsoleQueryMeta {
  return { refreshLabel };
}

/** The query's label, or a general word for a query that has none. */
export function refreshLabelOf(meta: Record<string, unknown> | undefined): string {
  const label = meta?.refreshLabel;
  return typeof label === 'string' && label.trim() !== '' ? label : 'data';
}
