import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { recentStorageKey } from '../../lib/search/searchRecent.ts';
import {
  recordRecentOrganization,
  useRecentOrganizations,
  useRecordRecentOrganization,
} from './useRecentOrganizations.ts';

afterEach(() => window.localStorage.clear());

describe('recent organizations', () => {
  it('shows an organization recorded by a page, most recent first, per chatbot', () => {
    const demo = renderHook(() => useRecentOrganizations('demo'));
    const other = renderHook(() => useRecentOrganizations('other'));
    expect(demo.result.current).toEqual([]);

    act(() => {
      recordRecentOrganization('demo', { id: 'a', name: 'Alpha', email: 'a@example.com' });
      recordRecentOrganization('demo', { id: 'b', name: 'Beta' });
    });
    expect(demo.result.current.map((entry) => entry.id)).toEqual(['b', 'a']);
    expect(demo.result.current[1]).toEqual({ id: 'a', name: 'Alpha', email: 'a@example.com' });
    expect(other.result.current).toEqual([]);
  });

  it('records the organization a page shows once it has loaded, and again when renamed', async () => {
    const recent = renderHook(() => useRecentOrganizations('demo'));
    const page = renderHook(
      ({ organization }) => useRecordRecentOrganization('demo', organization),
      { initialProps: { organization: undefined as { id: string; name: string } | undefined } },
    );
    expect(recent.result.current).toEqual([]);
    act(() => page.rerender({ organization: { id: 'x', name: 'Old name' } }));
    // After the page's next paint, not while it renders.
    expect(recent.result.current).toEqual([]);
    await waitFor(() => expect(recent.result.current).toEqual([{ id: 'x', name: 'Old name' }]));
    act(() => recordRecentOrganization('demo', { id: 'y', name: 'Other' }));
    act(() => page.rerender({ organization: { id: 'x', name: 'New name' } }));
    await waitFor(() =>
      expect(recent.result.current).toEqual([
        { id: 'x', name: 'New name' },
        { id: 'y', name: 'Other' },
      ]),
    );
  });

  it('records the organization of a page left before its next paint as it goes', () => {
    const recent = renderHook(() => useRecentOrganizations('demo'));
    const page = renderHook(() => useRecordRecentOrganization('demo', { id: 'x', name: 'Brief' }));
    expect(recent.result.current).toEqual([]);
    act(() => page.unmount());
    expect(recent.result.current).toEqual([{ id: 'x', name: 'Brief' }]);
  });

  it('follows changes made in another tab', () => {
    const recent = renderHook(() => useRecentOrganizations('demo'));
    act(() => {
      window.localStorage.setItem(
        recentStorageKey('demo'),
        JSON.stringify([{ id: 'z', name: 'From another tab' }]),
      );
      window.dispatchEvent(new StorageEvent('storage', { key: recentStorageKey('demo') }));
    });
    expect(recent.result.current).toEqual([{ id: 'z', name: 'From another tab' }]);
  });

  it('survives storage holding garbage', () => {
    window.localStorage.setItem(recentStorageKey('demo'), '{not json');
    const recent = renderHook(() => useRecentOrganizations('demo'));
    expect(recent.result.current).toEqual([]);
    act(() => recordRecentOrganization('demo', { id: 'a', name: 'A' }));
    expect(recent.result.current).toEqual([{ id: 'a', name: 'A' }]);
  });
});
