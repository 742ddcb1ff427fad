/**
 * The link target for a stored website, or undefined when it must be shown as text: only an
 * absolute http(s) URL becomes a link, so `javascript:`, `data:` and scheme-less text never do.
 */
export function websiteHref(website: string | undefined): string | undefined {
  if (website === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(website);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // The stored text must itself start with the scheme: the URL parser forgives leading spaces
  // and control characters that a reader of the text would not expect to be a link.
  if (!/^https?:\/\//i.test(website)) return undefined;
  return url.href;
}
