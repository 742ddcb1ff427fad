import { createSpotlight, type SpotlightStore } from '@mantine/spotlight';

/**
 * The quick lookup's own Spotlight store, so a header button can open it
 * (`organizationPalette.open()`) and no other Spotlight shares its state.
 */
export const [organizationPaletteStore, organizationPalette] = createSpotlight();

/**
 * Marks the first action of the open palette as selected, as Spotlight does itself after each
 * keystroke (its store actions are not exported, so this mirrors `selectAction(0)`): needed
 * again when rows arrive later than the keystroke, as search hits do.
 */
export function selectFirstPaletteAction(store: SpotlightStore = organizationPaletteStore) {
  const { listId, opened } = store.getState();
  if (!opened || !listId) return;
  const list = document.getElementById(listId);
  if (!list) return;
  list.querySelector('[data-selected]')?.removeAttribute('data-selected');
  const first = list.querySelector('[data-action]');
  first?.setAttribute('data-selected', 'true');
  store.updateState((state) => ({ ...state, selected: first ? 0 : -1 }));
}
