// For tests: what a browser does across a sign-in, without a browser — keeps cookies per host
// (ports share them, as in a browser), follows redirects one at a time, fills in the demo
// provider's sign-in form. Requests to the console go to its app in-process; the provider is a
// real server reached over HTTP.

export type Fetcher = (request: Request) => Promise<Response>;

interface StoredCookie {
  value: string;
  secure: boolean;
}

export class BrowserClient {
  /** Every response's Set-Cookie lines, in order (for tests of cookie attributes). */
  readonly setCookies: string[] = [];
  private readonly cookies = new Map<string, Map<string, StoredCookie>>();

  /**
   * `console.origin`: the console's own address (where sign-in begins); `console.origins`: every
   * origin the console answers (local mode's loopback names), all answered by `console.fetch` (the
   * console app in-process). Default: `origin` alone.
   */
  constructor(
    private readonly console: { origin: string; origins?: readonly string[]; fetch: Fetcher },
  ) {}

  /** One request as a top-level navigation (or a form post) would send it; no redirect followed. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(target);
    if (cookie !== '') headers.set('cookie', cookie);
    const request = new Request(target, { ...init, headers, redirect: 'manual' });
    const response = (this.console.origins ?? [this.console.origin]).includes(target.origin)
      ? await this.console.fetch(request)
      : await fetch(request);
    for (const line of response.headers.getSetCookie()) this.keep(target, line);
    return response;
  }

  /** Follows redirects from `url` (GET) until an answer that is not one; returns it and its URL. */
  async navigate(url: string, limit = 12): Promise<{ url: string; response: Response }> {
    let current = url;
    for (let hop = 0; hop < limit; hop += 1) {
      const response = await this.request(current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || location === null) {
        return { url: current, response };
      }
      await response.body?.cancel();
      current = new URL(location, current).href;
    }
    throw new Error(`more than ${limit} redirects from ${url}`);
  }

  /**
   * Signs in through the demo provider from `/console/sign-in?returnTo=…`: on to its sign-in page,
   * the form posted with `email` and `password`, back to the console. Returns where it ended.
   */
  async signIn(
    email: string,
    password = 'demo',
    returnTo = '/',
  ): Promise<{ url: string; response: Response }> {
    const start = `${this.console.origin}/console/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
    const page = await this.navigate(start);
    if (page.response.status !== 200) {
      throw new Error(`no sign-in page: ${page.response.status} at ${page.url}`);
    }
    const html = await page.response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (action === undefined) throw new Error(`no sign-in form at ${page.url}`);
    const posted = await this.request(new URL(action.replaceAll('&amp;', '&'), page.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password }).toString(),
    });
    const location = posted.headers.get('location');
    if (location === null) return { url: page.url, response: posted };
    return this.navigate(new URL(location, page.url).href);
  }

  /** The value of a cookie this client holds for the URL's host. */
  cookie(url: string, name: string): string | undefined {
    return this.cookies.get(new URL(url).hostname)?.get(name)?.value;
  }

  /** The Cookie header it would send to `url`. */
  cookieHeader(url: URL): string {
    const jar = this.cookies.get(url.hostname);
    if (jar === undefined) return '';
    return (
      [...jar]
        // As browsers do, this machine counts as secure (http://localhost).
        .filter(([, cookie]) => !cookie.secure || url.protocol === 'https:' || isLoopback(url))
        .map(([name, cookie]) => `${name}=${cookie.value}`)
        .join('; ')
    );
  }

  private keep(url: URL, line: string): void {
    this.setCookies.push(line);
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const equals = pair.indexOf('=');
    const name = pair.slice(0, equals);
    const value = pair.slice(equals + 1);
    const lower = attributes.map((attribute) => attribute.toLowerCase());
    const jar = this.cookies.get(url.hostname) ?? new Map<string, StoredCookie>();
    this.cookies.set(url.hostname, jar);
    const expired =
      lower.some((attribute) => attribute === 'max-age=0') ||
      lower.some((attribute) => attribute.startsWith('expires=thu, 01 jan 1970'));
    if (expired || value === '') jar.delete(name);
    else jar.set(name, { value, secure: lower.includes('secure') });
  }
}

function isLoopback(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}
