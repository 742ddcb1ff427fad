// The compact lookup (ROUTES.lookup in src/routes.ts): one search box for a side panel or a chat
// tool's frame. Before typing it shows the person's pinned organizations and the recent ones; a
// deep link (`?q=`, `?email=`, `?name=`) or the chat tool's contact (useAppContext) searches at
// once. ↓/↑ move through the results, Enter opens one in the full console, Alt+E/W/I copy
// (lib/lookup/lookupKeys.ts).
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { signInHref } from '../../api/session/session.ts';
import { LookupContacts } from '../../components/lookup/LookupContacts.tsx';
import { LookupCopyNotice } from '../../components/lookup/LookupCopyNotice.tsx';
import { LookupKeysHelp } from '../../components/lookup/LookupKeysHelp.tsx';
import { LookupRow } from '../../components/lookup/LookupRow.tsx';
import { LookupSearchBar } from '../../components/lookup/LookupSearchBar.tsx';
import { LookupSignIn } from '../../components/lookup/LookupSignIn.tsx';
import { LookupSkeleton } from '../../components/lookup/LookupSkeleton.tsx';
import { LookupStartLists } from '../../components/lookup/LookupStartLists.tsx';
import classes from '../../components/lookup/Lookup.module.css';
import { useAppContext } from '../../hooks/lookup/useAppContext.ts';
import { useCopyFeedback } from '../../hooks/lookup/useCopyFeedback.ts';
import { useLookupContacts } from '../../hooks/lookup/useLookupContacts.ts';
import { useLookupNavigation } from '../../hooks/lookup/useLookupNavigation.ts';
import { useLookupRows } from '../../hooks/lookup/useLookupRows.ts';
import { useLookupSearch } from '../../hooks/lookup/useLookupSearch.ts';
import { useLookupSession } from '../../hooks/lookup/useLookupSession.ts';
import { lookupKeyAction } from '../../lib/lookup/lookupKeys.ts';
import { shownRow, type PinnedRowData } from '../../lib/lookup/lookupRows.ts';
import { lookupStatus } from '../../lib/lookup/lookupStatus.ts';
import {
  hintFromSearchParams,
  lookupTerms,
  type LookupHint,
} from '../../lib/lookup/lookupTerms.ts';
import { lookupPath, organizationPath } from '../../routes.ts';

export interface LookupPageProps {
  chatbotId: string;
  /** The page's query string (deep links). */
  initialSearch: string;
  /** EMBED_ALLOWED_ORIGINS, as the server wrote it into the page. */
  embedOrigins: readonly string[];
}

function initialHint(search: string): LookupHint | null {
  const hint = hintFromSearchParams(new URLSearchParams(search));
  return lookupTerms(hint).length > 0 ? hint : null;
}

export function LookupPage({ chatbotId, initialSearch, embedOrigins }: LookupPageProps) {
  const [hint, setHint] = useState<LookupHint | null>(() => initialHint(initialSearch));
  const [text, setText] = useState('');
  const [activeId, setActiveId] = useState<string | null>(null);
  const [expandedId, setExpandedId] = useState<string | null>(null);
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
  const { signInNeeded, pinsHome } = useLookupSession();
  const { pins, pinnedRows, recentRows, hitRows, rows, contactsCount } = useLookupRows(
    chatbotId,
    search,
    pinsHome,
  );
  const active = rows.find((row) => row.id === activeId) ?? rows[0];
  const expanded = useLookupContacts(chatbotId, expandedId);
  const { copied, copy, refuse } = useCopyFeedback();
  const navigation = useLookupNavigation(chatbotId);
  const toggleContacts = (id: string) => setExpandedId((current) => (current === id ? null : id));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const context = { rows, active, boxHasText: boxValue !== '', canPin: pinsHome !== 'unknown' };
    const action = lookupKeyAction(event, context);
    if (action === null) return;
    event.preventDefault();
    if (action.kind === 'choose') {
      setActiveId(rows[action.index]?.id ?? null);
      document.getElementById(`lookup-row-${action.index}`)?.scrollIntoView({ block: 'nearest' });
    } else if (action.kind === 'open') navigation.openInConsole(action.row);
    else if (action.kind === 'clear') {
      setHint(null);
      setText('');
    } else if (action.kind === 'copy') void copy(action.key, action.what, action.value);
    else if (action.kind === 'say') refuse(action.message);
    else if (action.kind === 'pin') pins.toggle(action.id);
    else toggleContacts(action.id);
  };

  const onCopy = (key: string, what: string, value: string) => void copy(key, what, value);
  const renderRow = (row: PinnedRowData, index: number) => (
    <LookupRow
      key={row.id}
      row={shownRow(row)}
      elementId={`lookup-row-${index}`}
      active={row === active}
      href={organizationPath(chatbotId, row.id)}
      newTab={navigation.framed}
      contactsCount={contactsCount(index)}
      pinned={pins.isPinned(row.id)}
      canPin={pinsHome !== 'unknown'}
      expanded={expandedId === row.id}
      copiedKey={copied?.key ?? null}
      contacts={
        <LookupContacts
          id={`lookup-row-${index}-contacts`}
          organizationName={row.name}
          contacts={expanded.contacts}
          error={expanded.error}
          copiedKey={copied?.key ?? null}
          onCopy={onCopy}
        />
      }
      onCopy={onCopy}
      onTogglePin={() => pins.toggle(row.id)}
      onToggleContacts={() => toggleContacts(row.id)}
      onOpen={() => navigation.remember(row)}
    />
  );

  return (
    <main className={classes.page}>
      <h1 className={classes.visuallyHidden}>Look up an organization</h1>
      <LookupSearchBar
        inputRef={inputRef}
        value={boxValue}
        onChange={(value) => {
          setHint(null);
          setText(value);
          setActiveId(null);
        }}
        onKeyDown={onKeyDown}
        status={lookupStatus({ ...search, shown: search.hits.length }, hintTerms, text)}
      />
      <LookupCopyNotice copied={copied} />
      {signInNeeded ? (
        <LookupSignIn
          framed={navigation.frameSignIn}
          signInHref={signInHref(lookupPath(chatbotId, initialSearch))}
          onSignIn={navigation.signIn}
        />
      ) : search.error !== null ? (
        <p className={classes.error} role="alert">
          Couldn&apos;t search: {search.error}
        </p>
      ) : search.idle ? (
        <LookupStartLists
          pinnedRows={pinnedRows}
          recentRows={recentRows}
          pinsError={pins.error}
          pinsLoading={pins.loading && pinsHome !== 'unknown'}
          empty={rows.length === 0 && !pins.loading}
          renderRow={renderRow}
        />
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
      <LookupKeysHelp framed={navigation.framed} />
    </main>
  );
}
