import { Button } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import {
  ListEmptyState,
  ListErrorState,
  ListKeyboardHints,
} from '../components/organizations/list/ListStates.tsx';
import { OrganizationTable } from '../components/organizations/list/OrganizationTable.tsx';
import { organizationsPath } from '../components/shell/AppHeader.tsx';
import { PageLayout } from '../components/shell/PageLayout.tsx';
import { SearchBox } from '../components/search/SearchBox.tsx';
import { SearchLayer } from '../components/search/SearchLayer.tsx';
import { SearchPanel } from '../components/search/SearchPanel.tsx';
import { useOrganizationList } from '../hooks/useOrganizationList.ts';
import { useOrganizationSearchResults, useSearchText } from '../hooks/useOrganizationSearch.ts';

/** Relative times ("3 min ago") are redrawn this often. */
const CLOCK_TICK_MS = 60_000;

function useNowMs(): number {
  const [now, setNow] = useState(Date.now);
  useInterval(() => setNow(Date.now()), CLOCK_TICK_MS, { autoInvoke: true });
  return now;
}

/** `/chatbots/:chatbotId/organizations`: every organization of the chatbot, newest first. */
export function OrganizationsPage() {
  const { chatbotId = '' } = useParams();
  const location = useLocation();
  const list = useOrganizationList(chatbotId);
  const searchText = useSearchText();
  const search = useOrganizationSearchResults(chatbotId, searchText.text);
  // Typing a search changes the URL (and so location.key) with every keystroke; the list, kept
  // mounted under the results, keeps the position key of the visit it was opened with.
  const [listPositionKey] = useState(location.key);
  const nowMs = useNowMs();
  const hrefFor = useCallback(
    (organizationId: string) =>
      `${organizationsPath(chatbotId)}/${encodeURIComponent(organizationId)}`,
    [chatbotId],
  );
  const newHref = `${organizationsPath(chatbotId)}/new`;

  const empty = list.ended && list.loadedCount === 0 && list.rows.length === 0;
  const meta = list.isPending
    ? 'Loading…'
    : `${list.loadedCount.toLocaleString('en')} loaded${list.ended ? ' · all' : ''}`;

  return (
    <PageLayout
      fill
      title="Organizations"
      meta={meta}
      toolbar={
        <SearchBox
          value={searchText.text}
          onChange={searchText.change}
          onCommit={searchText.commit}
          onClear={searchText.clear}
          busy={search.isFetching}
        />
      }
      actions={
        <Button
          component={Link}
          to={newHref}
          leftSection={<IconPlus size={16} aria-hidden="true" />}
        >
          New organization
        </Button>
      }
    >
      <SearchLayer
        searching={search.term !== null}
        panel={
          <SearchPanel
            query={search.term ?? ''}
            results={search.results}
            error={search.error}
            onRetry={search.retry}
            hasNextPage={search.hasNextPage}
            isFetchingNextPage={search.isFetchingNextPage}
            fetchNextPage={search.fetchNextPage}
            nextPageError={search.nextPageError}
            onRefine={searchText.refine}
            onClear={searchText.clear}
            hrefFor={hrefFor}
          />
        }
      >
        {list.error !== null ? (
          <ListErrorState
            title="Couldn’t load organizations"
            message={list.error.message}
            onRetry={list.retry}
          />
        ) : empty ? (
          <ListEmptyState newHref={newHref} />
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
              onRestartFromTop={list.restartFromTop}
            />
            <ListKeyboardHints />
          </>
        )}
      </SearchLayer>
    </PageLayout>
  );
}
