import { IconMoon, IconSun } from '@tabler/icons-react';
import classes from './Lookup.module.css';

// The key Mantine keeps the full console's choice under: one choice for both pages.
const STORAGE_KEY = 'mantine-color-scheme-value';

/**
 * Light or dark, without Mantine's provider (the lookup's bundle has none): the page's
 * `data-mantine-color-scheme` attribute, set before the first paint by lookup.html's script.
 */
export function LookupSchemeToggle() {
  const toggle = () => {
    const root = document.documentElement;
    const next = root.getAttribute('data-mantine-color-scheme') === 'dark' ? 'light' : 'dark';
    root.setAttribute('data-mantine-color-scheme', next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
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
