import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// `waitFor` and `findBy…` wait on a condition; their default second is too short for a render on
// a loaded 2-core machine (a search test ran out at 1 s under load 25). The cap only matters when
// the condition never comes true, and then the test fails either way.
configure({ asyncUtilTimeout: 15_000 });

// jsdom lacks these; Mantine needs them (mantinedev/vite-template's setup).
const { getComputedStyle } = window;
window.getComputedStyle = (element: Element) => getComputedStyle(element);
window.HTMLElement.prototype.scrollIntoView = () => {};
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStub;
