// Element Timing: an element with an `elementtiming` attribute has its paint reported to the page
// (`npm run bench` times what users wait for by it). React's typings lack the attribute, so it is
// spread onto the element from here.

/** The `elementtiming` attribute naming an element `name`, or nothing without a name. */
export function elementTiming(name: string | undefined): Record<string, string> | undefined {
  return name === undefined ? undefined : { elementtiming: name };
}
