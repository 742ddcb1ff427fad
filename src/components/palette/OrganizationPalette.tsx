import '@mantine/spotlight/styles.css';
import { Group, Kbd, Modal, Text, VisuallyHidden } from '@mantine/core';
import { Spotlight } from '@mantine/spotlight';
import { IconArrowRight, IconSearch } from '@tabler/icons-react';
import { useEffect } from 'react';
import type { PresentedHit } from '../../lib/search/searchHitFields.ts';
import type { RecentOrganization } from '../../lib/search/searchRecent.ts';
import { PaletteRow } from './PaletteRow.tsx';
import { organizationPaletteStore, selectFirstPaletteAction } from './organizationPaletteStore.ts';
import classes from './OrganizationPalette.module.css';

/** Hits of one search text, as the palette shows them. */
export interface PaletteResults {
  /** The search text these hits belong to. */
  query: string;
  hits: PresentedHit[];
  found: number;
}

export interface OrganizationPaletteProps {
  /** What the user typed into the palette. */
  query: string;
  onQueryChange: (query: string) => void;
  /** Offered before anything is typed, most recent first. */
  recent: RecentOrganization[];
  /** Results on screen (maybe of an older text while the current one loads); null before any. */
  results: PaletteResults | null;
  /** The current text's search is loading. */
  loading: boolean;
  /** Why the current text's search failed. */
  error: string | null;
  onOpen: (organization: RecentOrganization) => void;
  /** Opens the organizations page with the full, paged results of the text. */
  onShowAll: (query: string) => void;
  /** The search field, each time it mounts (the palette opens). */
  searchRef?: React.Ref<HTMLInputElement>;
  /** The palette closed. */
  onClosed?: () => void;
}

function recentOf(hit: PresentedHit): RecentOrganization {
  const { id, name, email, website } = hit.organization;
  return { id, name, email, website };
}

/**
 * The Ctrl+K / ⌘K quick lookup: recently opened organizations before typing, search hits as one
 * types; arrow keys move, Enter opens, each row has copy buttons for id, email and website.
 */
export function OrganizationPalette(props: OrganizationPaletteProps) {
  const { query, onQueryChange, recent, results, loading, error, onOpen, onShowAll } = props;
  const { searchRef, onClosed } = props;
  const blank = query.trim() === '';
  const stale = results !== null && results.query !== query.trim();
  const shownResults = blank ? null : results;

  // Spotlight selects the first action right after each keystroke, before that text's hits
  // arrive; select again once the rows on screen change, so Enter opens the top row shown.
  const rowsSignature = blank
    ? `recent:${recent.map((entry) => entry.id).join(',')}`
    : `hits:${shownResults?.query ?? ''}:${shownResults?.hits.length ?? 0}`;
  useEffect(() => {
    selectFirstPaletteAction();
  }, [rowsSignature]);

  let body: React.ReactNode;
  if (blank) {
    body =
      recent.length > 0 ? (
        <Spotlight.ActionsGroup label="Recently opened" role="group" aria-label="Recently opened">
          {recent.map((entry) => (
            <PaletteRow key={entry.id} organization={entry} onOpen={() => onOpen(entry)} />
          ))}
        </Spotlight.ActionsGroup>
      ) : (
        <Spotlight.Empty>
          Type a name, email, website, city or industry. Organizations you open appear here.
        </Spotlight.Empty>
      );
  } else if (error !== null && (shownResults === null || stale)) {
    body = (
      <Spotlight.Empty>
        <Text c="red" size="sm" component="span">
          Search failed: {error}
        </Text>{' '}
        Change the text to try again.
      </Spotlight.Empty>
    );
  } else if (shownResults === null) {
    body = <Spotlight.Empty>Searching…</Spotlight.Empty>;
  } else if (shownResults.hits.length === 0 && !stale) {
    body = (
      <Spotlight.Empty>
        No organization matches “<bdi>{query.trim()}</bdi>”. Check the spelling or use fewer words.
      </Spotlight.Empty>
    );
  } else {
    body = (
      <div className={classes.results} data-stale={stale || undefined} aria-busy={stale}>
        {shownResults.hits.map((hit) => (
          <PaletteRow
            key={hit.organization.id}
            organization={recentOf(hit)}
            hit={hit}
            onOpen={() => onOpen(recentOf(hit))}
          />
        ))}
        {shownResults.found > shownResults.hits.length ? (
          <Spotlight.Action
            className={classes.showAll}
            onClick={() => onShowAll(shownResults.query)}
            leftSection={<IconArrowRight size={16} aria-hidden="true" />}
            label={`Show all ${shownResults.found.toLocaleString('en')} results on the organizations page`}
          />
        ) : null}
      </div>
    );
  }

  return (
    <Spotlight.Root
      store={organizationPaletteStore}
      query={query}
      onQueryChange={onQueryChange}
      shortcut={['mod + K']}
      // Also from inside text fields: "on any page" includes one with the cursor in a form.
      tagsToIgnore={[]}
      scrollable
      maxHeight={560}
      // No animation either way: with one, the field is only mounted a frame after the shortcut
      // (and after a close, a further task), and keys typed in between were lost. Without it
      // the field exists, and is focused, in the shortcut's own task.
      transitionProps={{ duration: 0 }}
      onSpotlightClose={onClosed}
    >
      <VisuallyHidden>
        <Modal.Title>Quick lookup of organizations</Modal.Title>
      </VisuallyHidden>
      <Spotlight.Search
        ref={searchRef}
        aria-label="Find an organization"
        placeholder="Find an organization by name, email, website…"
        leftSection={<IconSearch size={18} aria-hidden="true" />}
        rightSection={
          loading ? (
            <Text size="xs" c="dimmed">
              Searching…
            </Text>
          ) : null
        }
        rightSectionWidth={loading ? 80 : undefined}
      />
      <Spotlight.ActionsList>{body}</Spotlight.ActionsList>
      <Spotlight.Footer>
        <Group gap="md" className={classes.hints}>
          <Text size="xs" c="dimmed">
            <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> move
          </Text>
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Enter</Kbd> open
          </Text>
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Tab</Kbd> copy buttons
          </Text>
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Esc</Kbd> close
          </Text>
        </Group>
      </Spotlight.Footer>
    </Spotlight.Root>
  );
}
