// Strict reading of a request's path and query: what the console forwards is what it checked.
// A path segment is percent-decoded exactly once and must not decode to a directory step, a
// separator or another escape (a server behind could decode again and resolve it elsewhere); a
// query parameter appears at most once (servers disagree on which of two values wins); both must
// be valid UTF-8.

/** Input the console refuses with 400; the message says what is wrong, for people and scripts. */
export class RequestTargetError extends Error {
  override name = 'RequestTargetError';
}

/** The URL's path and query as sent (still percent-encoded), from an absolute URL string. */
export function splitUrl(url: string): { path: string; search: string } {
  const authorityStart = url.indexOf('//') + 2;
  const pathStart = url.indexOf('/', authorityStart);
  if (pathStart === -1) return { path: '/', search: '' };
  const hash = url.indexOf('#', pathStart);
  const end = hash === -1 ? url.length : hash;
  const query = url.indexOf('?', pathStart);
  if (query === -1 || query > end) return { path: url.slice(pathStart, end), search: '' };
  return { path: url.slice(pathStart, query), search: url.slice(query + 1, end) };
}

// `..;` is `..` to servers that cut path parameters at `;` (Tomcat, Spring): a dot segment too.
const DOT_SEGMENT = /^\.{1,2}(?:;.*)?$/;
const SEPARATOR = /[/\\]/;
const ESCAPE = /%[0-9a-f]{2}/i;
// C0 controls and DEL: no id contains them, and some servers treat them as the path's end.
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The path's segments, each decoded once; throws RequestTargetError for a path parameter (`;`),
 * a dot segment (`.`, `..`, `..;`, also percent-encoded) or text that is not UTF-8.
 */
export function decodePathSegments(path: string): string[] {
  if (path.includes(';')) {
    throw new RequestTargetError('The path must not contain ";" (path parameters).');
  }
  return path
    .slice(1)
    .split('/')
    .map((raw) => {
      const segment = raw.includes('%') ? decodeStrict(raw, 'path') : raw;
      if (DOT_SEGMENT.test(segment)) {
        throw new RequestTargetError('The path must not contain "." or ".." segments.');
      }
      return segment;
    });
}

/**
 * Why a decoded segment cannot be sent on to another server, or undefined when it can: once
 * encoded again, a `/` or `\\` in it, an escape (`%2e` from `%252e`) or a control character is
 * something a server behind might decode once more and resolve elsewhere. (The in-process sandbox
 * decodes nothing twice: an id may hold any character there.)
 */
export function unforwardableSegment(segment: string): string | undefined {
  if (SEPARATOR.test(segment)) return 'The path must not contain an encoded "/" or "\\".';
  if (ESCAPE.test(segment)) return 'The path must not be percent-encoded twice ("%25…").';
  if (CONTROL.test(segment)) return 'The path must not contain control characters.';
  return undefined;
}

/** Segments as one path again, each percent-encoded the one way `encodeURIComponent` does. */
export function encodePath(segments: readonly string[]): string {
  return `/${segments.map(encodeURIComponent).join('/')}`;
}

/**
 * The query's parameters, decoded (`+` is a space, as browsers encode forms and URLSearchParams
 * writes them); throws RequestTargetError for a parameter given twice, one `allowed` does not
 * name (when given), or text that is not percent-encoded UTF-8.
 */
export function parseQuery(search: string, allowed?: readonly string[]): Map<string, string> {
  const parameters = new Map<string, string>();
  if (search === '') return parameters;
  for (const piece of search.split('&')) {
    if (piece === '') continue;
    const equals = piece.indexOf('=');
    const name = decodeQueryText(equals === -1 ? piece : piece.slice(0, equals));
    const value = equals === -1 ? '' : decodeQueryText(piece.slice(equals + 1));
    if (parameters.has(name)) {
      throw new RequestTargetError(
        `Query parameter ${JSON.stringify(name)} is given more than once; give it once.`,
      );
    }
    if (allowed !== undefined && !allowed.includes(name)) {
      throw new RequestTargetError(
        allowed.length === 0
          ? `Unknown query parameter ${JSON.stringify(name)}: this operation takes none.`
          : `Unknown query parameter ${JSON.stringify(name)}: this operation takes ${allowed.join(', ')}.`,
      );
    }
    parameters.set(name, value);
  }
  return parameters;
}

/** Parameters as a query string (without `?`), each part encoded as `encodeURIComponent` does. */
export function encodeQuery(parameters: ReadonlyMap<string, string>): string {
  const parts: string[] = [];
  for (const [name, value] of parameters) {
    parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  }
  return parts.join('&');
}

function decodeQueryText(text: string): string {
  const spaced = text.includes('+') ? text.replaceAll('+', ' ') : text;
  return spaced.includes('%') ? decodeStrict(spaced, 'query') : spaced;
}

function decodeStrict(text: string, where: 'path' | 'query'): string {
  try {
    // Throws on a malformed escape and on bytes that are not UTF-8 (no U+FFFD substitution).
    return decodeURIComponent(text);
  } catch {
    throw new RequestTargetError(
      `The ${where} is not valid percent-encoded UTF-8 (${JSON.stringify(text.slice(0, 40))}).`,
    );
  }
}
