// The console uses the eight organization operations only; the upstream proxy forwards nothing
// else, so the server's key cannot be spent on other parts of the ChatCaptain API through it.
const ORGANIZATIONS_PATH = /^\/v1\/chatbots\/[^/]+\/organizations(?:\/[^/]+){0,3}$/;

/**
 * Whether a request path is under `/v1/chatbots/{chatbotId}/organizations`, no segment of which
 * decodes to a dot segment or a slash (the upstream might otherwise resolve it elsewhere).
 */
export function isOrganizationsApiPath(pathname: string): boolean {
  if (!ORGANIZATIONS_PATH.test(pathname)) return false;
  return pathname.split('/').every((segment) => {
    const decoded = decodeSegment(segment);
    return decoded !== undefined && decoded !== '.' && decoded !== '..' && !/[/\\]/.test(decoded);
  });
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
