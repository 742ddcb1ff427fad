import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import {
  ListEmptyState,
  ListErrorState,
  ListKeyboardHints,
} from '../../components/organizations/list/ListStates.tsx';
import { NewOrganizationButton } from '../../components/organizations/list/NewOrganizationButton.tsx';
import { OrganizationTable } from '../../components/organizations/list/OrganizationTable.tsx';
import { newOrganizationPath, organizationPath } from '../../routes.ts';
import { PageLayout } from '../../components/shell/PageLayout.tsx';
import { OrganizationSearch } from '../search/OrganizationSearch.tsx';
import { OrganizationSearchBox } from '../search/OrganizationSearchBox.tsx';
import { organizationQueries } from '../../hooks/queries/organizationQueries.ts';
import { useNow } from '../../hooks/shell/useNow.ts';
import { useOrganizationList } from '../../hooks/organizations/useOrganizationList.ts';
import {
  SelectionContext,
  useOrganizationSelection,
} from '../../hooks/organizations/useOrganizationSelection.ts';
import { useSearchText } from '../../hooks/search/useOrganizationSearch.ts';
import { useWriteAccess } from '../../hooks/organizations/useWriteAccess.ts';
import { OrganizationSelectionSlot } from './OrganizationSelectionSlot.tsx';

/** Relative times ("3 min ago") are redrawn this often. */
const CLOCK_TICK_MS = 60_000;

/**
 * ROUTES.organizations (src/routes.ts): every organization of the chatbot, newest first, and the
 * search over them. The page holds the search text but does not show it: the box and the results
 * follow it themselves, so typing re-renders neither this page nor the list.
 */
export function OrganizationsPage() {
  const { chatbotId = '' } = useParams();
  const location = useLocation();
  const list = useOrganizationList(chatbotId);
  // The count the search results name too ("of 5,000 organizations"), so the two agree; asked
  // once the first rows are in, so it never competes with them.
  const total =
    useQuery({ ...organizationQueries.total(chatbotId), enabled: !list.isPending }).data ?? null;
  const search = useSearchText();
  // A search changes the URL (and so location.key); the list, kept mounted under the results,
  // keeps the position key of the visit it was opened with.
  const [listPositionKey] = useState(location.key);
  const nowMs = useNow(CLOCK_TICK_MS);
  const hrefFor = useCallback(
    (organizationId: string) => organizationPath(chatbotId, organizationId),
    [chatbotId],
  );
  const newHref = newOrganizationPath(chatbotId);
  const createDenied = useWriteAccess(chatbotId).createOrganization;
  const selection = useOrganizationSelection(chatbotId);
  // Stable, so the header skips the render each page of rows that arrives causes here.
  const toolbar = useMemo(
    () => <OrganizationSearchBox chatbotId={chatbotId} search={search} />,
    [chatbotId, search],
  );
  const actions = useMemo(
    () => <NewOrganizationButton href={newHref} deniedReason={createDenied} />,
    [newHref, createDenied],
  );

  const empty = list.ended && list.loadedCount === 0 && list.rows.length === 0;
  const count = total ?? (list.ended ? list.loadedCount : null);
  const meta =
    count !== null
      ? `${count.toLocaleString('en')} ${count === 1 ? 'organization' : 'organizations'}`
      : list.isPending
        ? 'Loading…'
        : `${list.loadedCount.toLocaleString('en')} loaded`;

  return (
    <SelectionContext.Provider value={selection}>
      <PageLayout fill title="Organizations" meta={meta} toolbar={toolbar} actions={actions}>
        <OrganizationSearch chatbotId={chatbotId} search={search} hrefFor={hrefFor}>
          {list.error !== null ? (
            <ListErrorState
              title="Couldn’t load organizations"
              message={list.error.message}
              onRetry={list.retry}
            />
          ) : empty ? (
            <ListEmptyState newHref={newHref} createDenied={createDenied} />
          ) : (
            <>
              {list.previousPageError !== null && (
                <ListErrorState
                  title="Couldn’t load the rows above"
                  message={list.previousPageError.message}
                  onRetry={list.loadPrevious}
                />
              )}
              <OrganizationTable
                list={list.isPending ? null : list}
                hrefFor={hrefFor}
                positionKey={listPositionKey}
                nowMs={nowMs}
                ended={list.ended}
                hasNextPage={list.hasNextPage}
                isFetchingNextPage={list.isFetchingNextPage}
                nextPageError={list.nextPageError?.message ?? null}
                onLoadNext={list.loadNext}
                hasPreviousPage={list.hasPreviousPage}
                isFetchingPreviousPage={list.isFetchingPreviousPage}
                previousPageError={list.previousPageError?.message ?? null}
                onLoadPrevious={list.loadPrevious}
                onJump={list.jumpTo}
                onRestartFromTop={list.restartFromTop}
                total={total}
                paused={list.isPaused}
                goingToEnd={list.goingToEnd}
                onGoToEnd={list.goToEnd}
                onStopGoingToEnd={list.stopGoingToEnd}
              />
              <ListKeyboardHints />
            </>
          )}
        </OrganizationSearch>
        <OrganizationSelectionSlot chatbotId={chatbotId} selection={selection} />
      </PageLayout>
    </SelectionContext.Provider>
  );
}
