import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { draftKey, type DraftStorage } from '../../lib/organizations/formDraft.ts';
import type { OrganizationFormValues } from '../../lib/organizations/organizationForm.ts';
import { DRAFT_WRITE_DELAY_MS, useFormDraft, useHasDraft } from './useFormDraft.ts';

function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    read: (key) => data.get(key) ?? null,
    write: (key, text) => {
      data.set(key, text);
      return true;
    },
    remove: (key) => {
      data.delete(key);
    },
  };
}

const base: OrganizationFormValues = {
  name: 'Acme',
  email: '',
  website: '',
  size: '',
  industry: '',
  address: { street: '', houseNumber: '', zipcode: '', location: '', country: '' },
  variables: [],
};
const KEY = draftKey('demo', 'org-1');
const wait = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

describe('useFormDraft', () => {
  it('writes once typing pauses, and at once when the page is hidden', async () => {
    const storage = memoryStorage();
    const { result } = renderHook(() =>
      useFormDraft({ chatbotId: 'demo', organizationId: 'org-1', storage }),
    );
    act(() => result.current.keep(base, { ...base, industry: 'T' }, 'v1'));
    act(() => result.current.keep(base, { ...base, industry: 'To' }, 'v1'));
    expect(storage.data.has(KEY)).toBe(false);
    await wait(DRAFT_WRITE_DELAY_MS + 50);
    expect(JSON.parse(storage.data.get(KEY)!)).toMatchObject({
      baseUpdated: 'v1',
      values: { industry: 'To' },
    });

    act(() => result.current.keep(base, { ...base, industry: 'Tools' }, 'v1'));
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    expect(JSON.parse(storage.data.get(KEY)!).values.industry).toBe('Tools');
  });

  it('writes what is pending when the form goes (a crash, another page), and offers it next time', () => {
    const storage = memoryStorage();
    const first = renderHook(() =>
      useFormDraft({ chatbotId: 'demo', organizationId: 'org-1', storage }),
    );
    act(() => first.result.current.keep(base, { ...base, name: 'Acme 2' }, 'v1'));
    first.unmount();
    const second = renderHook(() =>
      useFormDraft({ chatbotId: 'demo', organizationId: 'org-1', storage }),
    );
    expect(second.result.current.found?.values.name).toBe('Acme 2');
    act(() => second.result.current.remove());
    expect(storage.data.has(KEY)).toBe(false);
  });

  it('tells other parts of the page that a draft is kept', async () => {
    const draft = renderHook(() => useFormDraft({ chatbotId: 'demo', organizationId: 'org-1' }));
    const has = renderHook(() => useHasDraft('demo', 'org-1'));
    expect(has.result.current).toBe(false);
    act(() => draft.result.current.keep(base, { ...base, name: 'Acme 3' }, 'v1'));
    await wait(DRAFT_WRITE_DELAY_MS + 50);
    expect(has.result.current).toBe(true);
    act(() => draft.result.current.remove());
    expect(has.result.current).toBe(false);
  });
});
