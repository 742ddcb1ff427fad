import { describe, expect, it, vi } from 'vitest';
import { createQuickLookupStore, type QuickLookupDraft } from './quickLookupStore.ts';

const draft: QuickLookupDraft = {
  text: 'northwind',
  selectionStart: 4,
  selectionEnd: 4,
  selectionDirection: 'none',
  returnFocusTo: null,
};

describe('quick lookup store', () => {
  it('opens the stand-in, and asks for the palette, while the palette is not mounted', () => {
    const store = createQuickLookupStore();
    store.open();
    expect(store.getState()).toMatchObject({ standInOpen: true, paletteRequested: true });
  });

  it('opens the palette itself once it is mounted, and no stand-in', () => {
    const store = createQuickLookupStore();
    const openPalette = vi.fn();
    store.registerPalette(openPalette);
    store.open();
    expect(openPalette).toHaveBeenCalledTimes(1);
    expect(store.getState().standInOpen).toBe(false);
  });

  it('the shortcut toggles the stand-in before the palette mounts, and leaves it alone after', () => {
    const store = createQuickLookupStore();
    store.toggleStandIn();
    expect(store.getState().standInOpen).toBe(true);
    store.toggleStandIn();
    expect(store.getState().standInOpen).toBe(false);

    const openPalette = vi.fn();
    const unmount = store.registerPalette(openPalette);
    expect(store.getState().paletteMounted).toBe(true);
    store.toggleStandIn();
    expect(openPalette).not.toHaveBeenCalled();
    expect(store.getState().standInOpen).toBe(false);

    unmount();
    expect(store.getState().paletteMounted).toBe(false);
    store.toggleStandIn();
    expect(store.getState().standInOpen).toBe(true);
  });

  it('hands the stand-in’s draft over once, closing the stand-in in the same call', () => {
    const store = createQuickLookupStore();
    const take = vi.fn(() => draft);
    expect(store.takeDraft()).toBeNull();

    store.open();
    store.registerStandIn(take);
    expect(store.takeDraft()).toEqual(draft);
    expect(store.getState().standInOpen).toBe(false);
    // Closed: a second mount of the search field (the next open) starts empty.
    expect(store.takeDraft()).toBeNull();
    expect(take).toHaveBeenCalledTimes(1);
  });

  it('has no draft when the stand-in was closed before the palette arrived', () => {
    const store = createQuickLookupStore();
    store.open();
    const unregister = store.registerStandIn(() => draft);
    store.closeStandIn();
    unregister();
    expect(store.takeDraft()).toBeNull();
  });

  it('after a failed fetch says so, and opening again asks again', () => {
    const store = createQuickLookupStore();
    store.open();
    store.paletteLoadFailed();
    expect(store.getState()).toMatchObject({ paletteRequested: false, paletteFailed: true });
    store.closeStandIn();
    store.open();
    expect(store.getState()).toMatchObject({
      paletteRequested: true,
      paletteFailed: false,
      standInOpen: true,
    });
  });

  it('tells listeners about changes only', () => {
    const store = createQuickLookupStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.requestPalette();
    store.requestPalette();
    store.closeStandIn();
    expect(listener).toHaveBeenCalledTimes(1);
    const before = store.getState();
    store.requestPalette();
    expect(store.getState()).toBe(before);
    unsubscribe();
    store.open();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
