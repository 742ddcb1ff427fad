import { useLayoutEffect, useState, type RefObject } from 'react';

const BOTTOM_GAP_PX = 16;
const MIN_HEIGHT_PX = 240;

/**
 * A height that lets the element reach down to the bottom of the window, so a virtualized list
 * scrolls inside itself whatever the page above it holds. Measured again when the window or the
 * page's content above it changes size (facets arriving, a banner closing).
 */
export function useFillViewportHeight(ref: RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(MIN_HEIGHT_PX);
  useLayoutEffect(() => {
    const measure = () => {
      const element = ref.current;
      if (!element) return;
      const top = element.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(MIN_HEIGHT_PX, Math.floor(window.innerHeight - top - BOTTOM_GAP_PX)));
    };
    measure();
    // The element's own height changes the body's too, but not its own top: the second
    // measurement gives the same height, so this settles at once.
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [ref]);
  return height;
}
