import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { presentHit } from '../../lib/search/searchHitFields.ts';
import { searchTerm } from '../../lib/search/searchQuery.ts';
import type { RecentOrganization } from '../../lib/search/searchRecent.ts';
import { useOrganizationQuickSearch } from '../../hooks/search/useOrganizationQuickSearch.ts';
import { errorReason } from '../../lib/search/searchErrors.ts';
import {
  recordRecentOrganization,
  useRecentOrganizations,
} from '../../hooks/lookup/useRecentOrganizations.ts';
import { organizationPath, organizationSearchPath } from '../../routes.ts';
import {
  OrganizationPalette,
  type PaletteResults,
} from '../../components/palette/OrganizationPalette.tsx';
import { organizationPalette } from '../../components/palette/organizationPaletteStore.ts';
import { quickLookup } from '../../components/palette/quickLookupStore.ts';

/** Mantine returns focus this long after a modal closes; the stand-in's return does the same. */
const RETURN_FOCUS_AFTER_MS = 10;

export interface QuickLookupPaletteProps {
  chatbotId: string;
}

/**
 * The quick lookup palette wired to data (loaded lazily by QuickLookup) for the chatbot of the
 * current route. Ctrl+K / ⌘K opens it on any page; without a chatbot it stays unmounted. When
 * the user opened the lookup before this code arrived, the stand-in is open with what they typed:
 * the palette opens and its search field carries on from the stand-in's text and caret.
 */
export function QuickLookupPalette({ chatbotId }: QuickLookupPaletteProps) {
  const [text, setText] = useState('');
  // Where focus goes back on close when the lookup was opened by the stand-in: Mantine's own
  // focus return remembers the stand-in's field, which is gone by then.
  const returnFocusTo = useRef<HTMLElement | null>(null);
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
    const unregister = quickLookup.registerPalette(organizationPalette.open);
    if (quickLookup.getState().standInOpen) organizationPalette.open();
    return unregister;
  }, []);

  // The search field as it mounts (each time the palette opens): focused in the same task, so
  // no key typed right after the shortcut goes elsewhere; the first time, maybe taking over
  // from the stand-in.
  const searchRef = useCallback((input: HTMLInputElement | null) => {
    if (input === null) return;
    const draft = quickLookup.takeDraft();
    if (draft !== null) {
      // Set on the element too, so the caret can be placed now; React renders the same text.
      input.value = draft.text;
      setText(draft.text);
      returnFocusTo.current = draft.returnFocusTo;
    }
    input.focus({ preventScroll: true });
    if (draft !== null) {
      input.setSelectionRange(draft.selectionStart, draft.selectionEnd, draft.selectionDirection);
    }
  }, []);
  const onClosed = useCallback(() => {
    const target = returnFocusTo.current;
    returnFocusTo.current = null;
    if (target === null) return;
    // As Mantine returns focus itself (a moment after closing, once the palette lets go of it).
    window.setTimeout(() => {
      if (target.isConnected) target.focus({ preventScroll: true });
    }, RETURN_FOCUS_AFTER_MS);
  }, []);

  const open = (organization: RecentOrganization) => {
    recordRecentOrganization(chatbotId, organization);
    void navigate(organizationPath(chatbotId, organization.id));
  };
  const showAll = (searchText: string) => {
    organizationPalette.close();
    void navigate(organizationSearchPath(chatbotId, searchText));
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
      searchRef={searchRef}
      onClosed={onClosed}
    />
  );
}
