// Who the console is: the host names it answers to and the origin of its own pages. In local mode
// (no CONSOLE_URL) that is the loopback names on its port; otherwise exactly CONSOLE_URL.

export interface ConsoleAccess {
  /** `Host` values (lower case) the console answers; anything else is refused before any work. */
  readonly hosts: ReadonlySet<string>;
  /** Origins of the console's own pages: only a page from one of them may change data. */
  readonly origins: ReadonlySet<string>;
  /** The address to open the console at (the start banner). */
  readonly url: string;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** `consoleUrl`: CONSOLE_URL (an origin) or undefined for local mode on `port`. */
export function consoleAccess(consoleUrl: string | undefined, port: number): ConsoleAccess {
  const urls =
    consoleUrl === undefined
      ? LOOPBACK_NAMES.map((name) => new URL(`http://${name}:${port}`))
      : [new URL(consoleUrl)];
  const first = urls[0] as URL;
  return {
    hosts: new Set(urls.flatMap(hostForms)),
    origins: new Set(urls.map((url) => url.origin)),
    url: first.origin,
  };
}

/** URL drops a scheme's default port; a client may still send it in `Host`. */
function hostForms(url: URL): string[] {
  if (url.port !== '') return [url.host];
  return [url.host, `${url.hostname}:${url.protocol === 'https:' ? 443 : 80}`];
}
