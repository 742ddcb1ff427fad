import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { presentHit } from '../../lib/searchHitFields.ts';
import { searchTerm } from '../../lib/searchQuery.ts';
import type { RecentOrganization } from '../../lib/searchRecent.ts';
import { errorReason, useOrganizationQuickSearch } from '../../hooks/useOrganizationSearch.ts';
import {
  recordRecentOrganization,
  useRecentOrganizations,
} from '../../hooks/useRecentOrganizations.ts';
import { OrganizationPalette, type PaletteResults } from './OrganizationPalette.tsx';
import { organizationPalette } from './organizationPaletteStore.ts';

function organizationsPath(chatbotId: string) {
  return `/chatbots/${encodeURIComponent(chatbotId)}/organizations`;
}

/**
 * The quick lookup palette wired to data (loaded lazily by QuickLookup) for the chatbot of the
 * current route. Ctrl+K / ⌘K opens it on any page; without a chatbot it stays unmounted.
 */
interface QuickLookupPaletteProps {
  chatbotId: string;
  /** Called once the palette is mounted and listens to its shortcut. */
  onReady?: () => void;
}

export function QuickLookupPalette({ chatbotId, onReady }: QuickLookupPaletteProps) {
  const [text, setText] = useState('');
  const navigate = useNavigate();
  const recent = useRecentOrganizations(chatbotId);
  const { term, query } = useOrganizationQuickSearch(chatbotId, text);
  const response = query.data;
  // The text the hits on screen answer: the current one, or the last that settled while a
  // newer one loads (kept-previous placeholder data).
  const [settledTerm, setSettledTerm] = useState<string | null>(null);
  if (response && !query.isPlaceholderData && term !== settledTerm) setSettledTerm(term);

  const results = useMemo((): PaletteResults | null => {
    if (!response?.results || settledTerm === null) return null;
    return {
      query: settledTerm,
      hits: response.results.hits.map(presentHit),
      found: response.results.found,
    };
  }, [response, settledTerm]);

  useEffect(() => {
    onReady?.();
  }, [onReady]);

  const open = (organization: RecentOrganization) => {
    recordRecentOrganization(chatbotId, organization);
    void navigate(`${organizationsPath(chatbotId)}/${encodeURIComponent(organization.id)}`);
  };
  const showAll = (searchText: string) => {
    organizationPalette.close();
    void navigate(`${organizationsPath(chatbotId)}?q=${encodeURIComponent(searchText)}`);
  };
  const error = query.isError
    ? errorReason(query.error)
    : response?.results === null
      ? (response.error ?? 'The server answered without results.')
      : null;

  return (
    <OrganizationPalette
      query={text}
      onQueryChange={setText}
      recent={recent}
      results={results}
      loading={searchTerm(text) !== null && (query.isFetching || searchTerm(text) !== term)}
      error={error}
      onOpen={open}
      onShowAll={showAll}
    />
  );
}
