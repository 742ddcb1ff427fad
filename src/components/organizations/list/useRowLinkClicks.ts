import { useCallback, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';

/**
 * Whether a click on a link is the plain one the app handles itself: the main button, no
 * modifier (a new tab or window, a download), and nobody handled it before.
 */
export function isPlainLinkClick(event: {
  button: number;
  metaKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  defaultPrevented: boolean;
}): boolean {
  return (
    event.button === 0 &&
    !event.defaultPrevented &&
    !event.metaKey &&
    !event.altKey &&
    !event.ctrlKey &&
    !event.shiftKey
  );
}

/**
 * One click handler for every row link of the list, on the table body: the rows' names are plain
 * anchors, not router Links. A Link costs each row a handful of router hooks and a handler when it
 * mounts, and a scroll mounts 8 rows a frame (`npm run bench`: long tasks while scrolling).
 * Clicks the app does not handle (a new tab, a modifier) stay the browser's.
 */
export function useRowLinkClicks(): (event: MouseEvent<HTMLElement>) => void {
  const navigate = useNavigate();
  return useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (!isPlainLinkClick(event) || !(event.target instanceof Element)) return;
      const link = event.target.closest<HTMLAnchorElement>('a[data-row-link]');
      if (link === null || !event.currentTarget.contains(link)) return;
      const href = link.getAttribute('href');
      if (href === null || (link.target !== '' && link.target !== '_self')) return;
      event.preventDefault();
      void navigate(href);
    },
    [navigate],
  );
}
