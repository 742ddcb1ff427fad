import { IconMoon, IconSun } from '@tabler/icons-react';
import { COLOUR_SCHEME_STORAGE_KEY } from '../../lib/shell/colourSchemeScript.ts';
import classes from './Lookup.module.css';

/**
 * Light or dark, without Mantine's provider (the lookup's bundle has none): the page's
 * `data-mantine-color-scheme` attribute, set before the first paint by
 * src/lib/shell/colourSchemeScript.ts, under the key the full console's Mantine keeps its choice:
 * one choice for both pages.
 */
export function LookupSchemeToggle() {
  const toggle = () => {
    const root = document.documentElement;
    const next = root.getAttribute('data-mantine-color-scheme') === 'dark' ? 'light' : 'dark';
    root.setAttribute('data-mantine-color-scheme', next);
    try {
      window.localStorage.setItem(COLOUR_SCHEME_STORAGE_KEY, next);
    } catch {
      // No storage: the choice lasts as long as the page.
    }
  };
  return (
    <button
      type="button"
      className={`${classes.iconButton} ${classes.toggle}`}
      aria-label="Switch between light and dark"
      title="Switch between light and dark"
      onClick={toggle}
    >
      <IconMoon className="mantine-dark-hidden" size={18} stroke={1.6} aria-hidden="true" />
      <IconSun className="mantine-light-hidden" size={18} stroke={1.6} aria-hidden="true" />
    </button>
  );
}
