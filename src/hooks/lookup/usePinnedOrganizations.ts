// A person's pinned organizations of one chatbot, for the lookup page: kept by the console server
// when people sign in (GET/PUT/DELETE /console/pins, so they follow the person into a chat tool's
// frame), in this browser's local storage in local mode (nobody to keep them for on the server).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import { pinOrganization, unpinOrganization } from '../../api/lookup/pins.ts';
import { consoleQueries } from '../queries/consoleQueries.ts';
import { parseStoredList, readStoredText, storageSubscriber } from '../../lib/shared/storedText.ts';

/** Where the pins are kept: the server (signed in), the browser (local mode), not known yet. */
export type PinsHome = 'server' | 'browser' | 'unknown';

/** Pins are shortcuts: as the server (server/store/pins/pin-store.ts), a short list. */
export const MAX_PINS = 50;

const CHANGE_EVENT = 'organizations-console:pinned-organizations';

export function pinsStorageKey(chatbotId: string): string {
  return `organizations-console:pinned-organizations:${encodeURIComponent(chatbotId)}`;
}

/** The stored list, read defensively (local storage may hold anything): ids, each once. */
export function parseStoredPins(stored: string | null): string[] {
  return parseStoredList(
    stored,
    (id) => (typeof id === 'string' && id !== '' ? id : undefined),
    (id) => id,
    MAX_PINS,
  );
}

const subscribe = storageSubscriber(CHANGE_EVENT);

function writeStored(key: string, ids: readonly string[]): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(ids));
  } catch {
    throw new Error('This browser keeps no data for the console (storage is off or full).');
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export interface PinnedOrganizations {
  ids: string[];
  loading: boolean;
  /** Why the pins could not be read or changed, in words; null when all is well. */
  error: string | null;
  isPinned: (id: string) => boolean;
  toggle: (id: string) => void;
}

export function usePinnedOrganizations(chatbotId: string, home: PinsHome): PinnedOrganizations {
  const queryClient = useQueryClient();
  const key = pinsStorageKey(chatbotId);
  const stored = useSyncExternalStore(
    subscribe,
    () => (home === 'browser' ? readStoredText(key) : null),
    () => null,
  );
  const browserIds = useMemo(() => parseStoredPins(stored), [stored]);
  const [browserError, setBrowserError] = useState<string | null>(null);

  const serverQuery = useQuery({ ...consoleQueries.pins(chatbotId), enabled: home === 'server' });
  const queryKey = consoleQueries.pins(chatbotId).queryKey;
  const mutation = useMutation({
    mutationFn: ({ id, pin }: { id: string; pin: boolean }) =>
      pin ? pinOrganization(chatbotId, id) : unpinOrganization(chatbotId, id),
    onMutate: async ({ id, pin }) => {
      await queryClient.cancelQueries({ queryKey });
      const before = queryClient.getQueryData(queryKey);
      queryClient.setQueryData(queryKey, (ids = []) =>
        pin ? [...ids.filter((other) => other !== id), id] : ids.filter((other) => other !== id),
      );
      return { before };
    },
    onError: (_error, _variables, context) => {
      queryClient.setQueryData(queryKey, context?.before);
    },
    onSuccess: (ids) => {
      queryClient.setQueryData(queryKey, ids);
    },
  });

  const ids = home === 'server' ? (serverQuery.data ?? []) : home === 'browser' ? browserIds : [];
  const toggle = useCallback(
    (id: string) => {
      if (home === 'server') {
        const current = queryClient.getQueryData(queryKey) ?? [];
        mutation.mutate({ id, pin: !current.includes(id) });
      } else if (home === 'browser') {
        const current = parseStoredPins(readStoredText(key));
        const next = current.includes(id)
          ? current.filter((other) => other !== id)
          : [...current, id].slice(-MAX_PINS);
        try {
          writeStored(key, next);
          setBrowserError(null);
        } catch (error) {
          setBrowserError(error instanceof Error ? error.message : String(error));
        }
      }
    },
    // queryKey is rebuilt each render from chatbotId; mutation.mutate is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [home, key, chatbotId, queryClient, mutation.mutate],
  );

  const error =
    home === 'browser'
      ? browserError
      : home !== 'server'
        ? null
        : mutation.error
          ? mutation.error.message
          : serverQuery.error
            ? serverQuery.error.message
            : null;
  return {
    ids,
    loading: home === 'unknown' || (home === 'server' && serverQuery.isPending),
    error,
    isPinned: (id) => ids.includes(id),
    toggle,
  };
}
