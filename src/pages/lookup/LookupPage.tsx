// The compact lookup (ROUTES.lookup in src/routes.ts): one search box for a side panel or a chat
// tool's frame. Before typing it shows the person's pinned organizations and the recent ones; a
// deep link (`?q=`, `?email=`, `?name=`) or the chat tool's contact (useAppContext) searches at
// once. ↓/↑ move through the results, Enter opens one in the full console, Alt+E/W/I copy.
import { IconSearch } from '@tabler/icons-react';
import { useQueries, useQuery } from '@tanstack/react-query';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
} from 'react';
import { isApiError } from '../../api/client.ts';
import { signInHref } from '../../api/session/session.ts';
import { LookupContacts } from '../../components/lookup/LookupContacts.tsx';
import { LookupRow, type LookupRowData } from '../../components/lookup/LookupRow.tsx';
import { LookupSignIn } from '../../components/lookup/LookupSignIn.tsx';
import { LookupSkeleton } from '../../components/lookup/LookupSkeleton.tsx';
import classes from '../../components/lookup/Lookup.module.css';
import { LookupSchemeToggle } from '../../components/lookup/LookupSchemeToggle.tsx';
import { consoleQueries } from '../../hooks/queries/consoleQueries.ts';
import { organizationQueries } from '../../hooks/queries/organizationQueries.ts';
import { isFramed, useAppContext } from '../../hooks/lookup/useAppContext.ts';
import { useFrameSignIn } from '../../hooks/lookup/useFrameSignIn.ts';
import { useLookupSearch } from '../../hooks/lookup/useLookupSearch.ts';
import { errorReason } from '../../hooks/search/useOrganizationSearch.ts';
import {
  usePinnedOrganizations,
  type PinsHome,
} from '../../hooks/lookup/usePinnedOrganizations.ts';
import {
  recordRecentOrganization,
  useRecentOrganizations,
} from '../../hooks/lookup/useRecentOrganizations.ts';
import { copyText } from '../../lib/shared/copyText.ts';
import { lookupPath, organizationPath } from '../../routes.ts';
import {
  hintFromSearchParams,
  lookupTerms,
  type LookupHint,
  type LookupTerm,
} from '../../lib/lookup/lookupTerms.ts';
import type { PresentedHit } from '../../lib/search/searchHitFields.ts';

export interface LookupPageProps {
  chatbotId: string;
  /** The page's query string (deep links). */
  initialSearch: string;
  /** EMBED_ALLOWED_ORIGINS, as the server wrote it into the page. */
  embedOrigins: readonly string[];
}

/** Rows offered before typing: the pins, then recent ones (each list is short already). */
const MAX_COUNTED_ROWS = 30;

function organizationHref(chatbotId: string, id: string): string {
  return organizationPath(chatbotId, id);
}

function rowOfHit(hit: PresentedHit): LookupRowData {
  const { organization } = hit;
  return {
    id: organization.id,
    name: organization.name,
    email: organization.email,
    website: organization.website,
    city: organization.address?.location,
    country: organization.address?.country,
    nameHighlight: hit.nameHighlight,
    match: hit.otherMatches[0],
  };
}

/** Framing does not change while the page lives. */
const subscribeToNothing = () => () => undefined;
const notFramed = () => false;

function initialHint(search: string): LookupHint | null {
  const hint = hintFromSearchParams(new URLSearchParams(search));
  return lookupTerms(hint).length > 0 ? hint : null;
}

function describeTerms(terms: readonly LookupTerm[]): string {
  const quoted = terms.map((term) => `“${term.text}”`);
  return quoted.length <= 1
    ? (quoted[0] ?? '')
    : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

export function LookupPage({ chatbotId, initialSearch, embedOrigins }: LookupPageProps) {
  // Read after hydration: the server's render (which cannot know) says not framed, as the
  // browser's first render must to adopt it.
  const framed = useSyncExternalStore(subscribeToNothing, isFramed, notFramed);
  const [hint, setHint] = useState<LookupHint | null>(() => initialHint(initialSearch));
  const [text, setText] = useState('');
  const [activeId, setActiveId] = useState<string | null>(null);
  const [expandedId, setExpandedId] = useState<string | null>(null);
  const [copied, setCopied] = useState<{ key: string; message: string } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = 'Lookup · Organizations Console';
    inputRef.current?.focus({ preventScroll: true });
  }, []);

  const onHint = useCallback((next: LookupHint) => {
    setHint(next);
    setText('');
    setActiveId(null);
    setExpandedId(null);
  }, []);
  useAppContext(embedOrigins, onHint);

  const hintTerms = useMemo(() => (hint === null ? null : lookupTerms(hint)), [hint]);
  const search = useLookupSearch(chatbotId, hintTerms, text);
  const boxValue = hintTerms === null ? text : (search.term ?? hintTerms[0]?.text ?? '');

  const session = useQuery(consoleQueries.session());
  const signInNeeded = session.isError && isApiError(session.error) && session.error.signInRequired;
  const pinsHome: PinsHome =
    session.data === undefined ? 'unknown' : session.data.mode === 'local' ? 'browser' : 'server';
  const pins = usePinnedOrganizations(chatbotId, pinsHome);
  const pinnedQueries = useQueries({
    queries: pins.ids.map((id) => organizationQueries.detail(chatbotId, id)),
  });
  const recent = useRecentOrganizations(chatbotId);

  const pinnedRows: (LookupRowData & { missing?: string })[] = pins.ids.map((id, index) => {
    const query = pinnedQueries[index];
    const organization = query?.data?.organization;
    if (organization !== undefined)
      return rowOfHit({ organization, nameHighlight: null, otherMatches: [] });
    const missing =
      query?.isError && isApiError(query.error) && query.error.status === 404
        ? 'no longer exists'
        : query?.isError
          ? errorReason(query.error)
          : undefined;
    return { id, name: query?.isPending ? 'Loading…' : id, missing };
  });
  const recentRows: LookupRowData[] = recent
    .filter((organization) => !pins.ids.includes(organization.id))
    .map((organization) => ({ ...organization }));
  const hitRows = useMemo(() => search.hits.map(rowOfHit), [search.hits]);
  const rows = search.idle ? [...pinnedRows, ...recentRows] : hitRows;

  const active = rows.find((row) => row.id === activeId) ?? rows[0];
  const counted = rows.slice(0, MAX_COUNTED_ROWS);
  const countQueries = useQueries({
    queries: counted.map((row) => organizationQueries.contactsCount(chatbotId, row.id)),
  });
  const contactsQuery = useQuery({
    ...organizationQueries.contacts(chatbotId, expandedId ?? '-'),
    enabled: expandedId !== null,
  });

  const copy = useCallback(async (key: string, what: string, value: string) => {
    const done = await copyText(value);
    setCopied({
      key: done ? key : '',
      message: done
        ? `Copied the ${what}.`
        : `Couldn't copy the ${what}: the browser refused. Select it and press Ctrl+C.`,
    });
  }, []);
  useEffect(() => {
    if (copied === null) return;
    const timer = window.setTimeout(() => setCopied(null), 2_000);
    return () => window.clearTimeout(timer);
  }, [copied]);

  const open = (row: LookupRowData) => {
    if (row.name !== '' && !('missing' in row && row.missing)) {
      recordRecentOrganization(chatbotId, {
        id: row.id,
        name: row.name,
        email: row.email,
        website: row.website,
      });
    }
  };
  const openInConsole = (row: LookupRowData) => {
    open(row);
    const href = organizationHref(chatbotId, row.id);
    if (framed) window.open(href, '_blank', 'noopener');
    else window.location.assign(href);
  };
  const frameSignIn = useFrameSignIn();
  const signIn = () => {
    if (framed) frameSignIn.start();
    else window.location.assign(signInHref(`${window.location.pathname}${window.location.search}`));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const index = active === undefined ? -1 : rows.indexOf(active);
    const move = (to: number) => {
      const row = rows[Math.max(0, Math.min(rows.length - 1, to))];
      if (row === undefined) return;
      event.preventDefault();
      setActiveId(row.id);
      document
        .getElementById(`lookup-row-${rows.indexOf(row)}`)
        ?.scrollIntoView({ block: 'nearest' });
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Enter' && active !== undefined) {
      event.preventDefault();
      openInConsole(active);
    } else if (event.key === 'Escape' && boxValue !== '') {
      event.preventDefault();
      setHint(null);
      setText('');
    } else if (event.altKey && active !== undefined) {
      const name = active.name.trim() === '' ? '(no name)' : active.name;
      const targets: Record<string, [string, string, string | undefined]> = {
        KeyE: ['email', 'e-mail', active.email],
        KeyW: ['website', 'website', active.website],
        KeyI: ['id', 'id', active.id],
      };
      const target = targets[event.code];
      if (target !== undefined) {
        event.preventDefault();
        const [what, label, value] = target;
        if (value) void copy(`${active.id}:${what}`, `${label} of ${name}`, value);
        else setCopied({ key: '', message: `${name} has no ${label} to copy.` });
      } else if (event.code === 'KeyP' && pinsHome !== 'unknown') {
        event.preventDefault();
        pins.toggle(active.id);
      } else if (event.code === 'KeyC') {
        event.preventDefault();
        setExpandedId((current) => (current === active.id ? null : active.id));
      }
    }
  };

  const status = (() => {
    if (search.idle) return null;
    if (search.error !== null) return null;
    if (search.loading && search.hits.length === 0) return 'Searching…';
    if (hintTerms !== null) {
      if (search.term === null) return `Nothing found for ${describeTerms(hintTerms)}.`;
      const chosenAt = hintTerms.findIndex((term) => term.text === search.term);
      const others = hintTerms.slice(0, chosenAt);
      const note = others.length > 0 ? ` (nothing for ${describeTerms(others)})` : '';
      return `${search.found.toLocaleString('en')} found for “${search.term}”${note}.`;
    }
    if (search.loading) return 'Searching…';
    return search.found === 0
      ? `No organization matches “${text.trim()}”. Try part of the name, a domain or a city.`
      : `${search.found.toLocaleString('en')} found${search.found > search.hits.length ? `, the best ${search.hits.length} shown` : ''}.`;
  })();

  const renderRow = (row: LookupRowData & { missing?: string }, index: number) => (
    <LookupRow
      key={row.id}
      row={row.missing ? { ...row, name: `${row.name} (${row.missing})` } : row}
      elementId={`lookup-row-${index}`}
      active={row === active}
      href={organizationHref(chatbotId, row.id)}
      newTab={framed}
      contactsCount={index < MAX_COUNTED_ROWS ? countQueries[index]?.data?.count : undefined}
      pinned={pins.isPinned(row.id)}
      canPin={pinsHome !== 'unknown'}
      expanded={expandedId === row.id}
      copiedKey={copied?.key ?? null}
      contacts={
        <LookupContacts
          id={`lookup-row-${index}-contacts`}
          organizationName={row.name}
          contacts={contactsQuery.data?.contacts}
          error={contactsQuery.isError ? errorReason(contactsQuery.error) : null}
          copiedKey={copied?.key ?? null}
          onCopy={(key, what, value) => void copy(key, what, value)}
        />
      }
      onCopy={(key, what, value) => void copy(key, what, value)}
      onTogglePin={() => pins.toggle(row.id)}
      onToggleContacts={() => setExpandedId((current) => (current === row.id ? null : row.id))}
      onOpen={() => open(row)}
    />
  );

  return (
    <main className={classes.page}>
      <h1 className={classes.visuallyHidden}>Look up an organization</h1>
      <div className={classes.top}>
        <div className={classes.searchRow}>
          <div className={classes.searchField}>
            <IconSearch size={16} aria-hidden="true" className={classes.searchIcon} />
            <input
              ref={inputRef}
              className={classes.input}
              type="search"
              value={boxValue}
              onChange={(event) => {
                setHint(null);
                setText(event.currentTarget.value);
                setActiveId(null);
              }}
              onKeyDown={onKeyDown}
              aria-label="Look up an organization"
              aria-describedby="lookup-keys"
              placeholder="Name, e-mail, domain or city"
              autoComplete="off"
              spellCheck={false}
            />
          </div>
          <LookupSchemeToggle />
        </div>
        <p className={`${classes.meta} ${classes.status}`} aria-live="polite">
          {status}
        </p>
      </div>
      <div className={classes.visuallyHidden} aria-live="polite">
        {copied?.message ?? ''}
      </div>
      {copied !== null && copied.key === '' ? (
        <p className={classes.error} role="alert">
          {copied.message}
        </p>
      ) : null}

      {signInNeeded ? (
        <LookupSignIn
          framed={framed ? frameSignIn.state : null}
          signInHref={signInHref(lookupPath(chatbotId, initialSearch))}
          onSignIn={signIn}
        />
      ) : search.error !== null ? (
        <p className={classes.error} role="alert">
          Couldn&apos;t search: {search.error}
        </p>
      ) : search.idle ? (
        <>
          {pins.error !== null ? (
            <p className={classes.error} role="alert">
              Pins: {pins.error}
            </p>
          ) : null}
          {pins.loading && pinsHome !== 'unknown' ? (
            <LookupSkeleton label="Loading your pinned organizations" />
          ) : null}
          {pinnedRows.length > 0 ? (
            <section aria-labelledby="lookup-pinned">
              <h2 id="lookup-pinned" className={classes.sectionTitle}>
                Pinned
              </h2>
              <ul className={classes.list}>
                {pinnedRows.map((row, index) => renderRow(row, index))}
              </ul>
            </section>
          ) : null}
          {recentRows.length > 0 ? (
            <section aria-labelledby="lookup-recent">
              <h2 id="lookup-recent" className={classes.sectionTitle}>
                Recent
              </h2>
              <ul className={classes.list}>
                {recentRows.map((row, index) => renderRow(row, pinnedRows.length + index))}
              </ul>
            </section>
          ) : null}
          {rows.length === 0 && !pins.loading ? (
            <p className={`${classes.text} ${classes.dimmed}`}>
              Type a name, an e-mail, a domain or a city. Organizations you pin (the pin button on a
              result) and those you open are offered here.
            </p>
          ) : null}
        </>
      ) : search.loading && hitRows.length === 0 ? (
        <LookupSkeleton label="Searching" />
      ) : (
        <ul
          aria-label="Organizations found"
          aria-busy={search.loading}
          className={`${classes.list} ${search.loading ? classes.hitsLoading : ''}`}
        >
          {hitRows.map((row, index) => renderRow(row, index))}
        </ul>
      )}
      <p id="lookup-keys" className={classes.keys}>
        ↓ ↑ choose · Enter opens in the console{framed ? ' (new tab)' : ''} · Alt+E e-mail, Alt+W
        website, Alt+I id copied · Alt+C contacts · Alt+P pin
      </p>
    </main>
  );
}
