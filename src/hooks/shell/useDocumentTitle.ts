import { useEffect } from 'react';

/**
 * Sets the window's title after the page has painted (Mantine's hook sets it in a layout effect,
 * which costs an opened page a few milliseconds before its first paint).
 */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
