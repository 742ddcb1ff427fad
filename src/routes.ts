// Every address of the console in one place: the path patterns the router matches (router.tsx,
// the server render's start data, the lookup's entry and the console server's lookup route) and
// the link builders every Link, navigate() and href uses. No other module spells `/chatbots/`.
// Plain strings and functions only: imported by the console, the lookup page and the server.

/** The tabs of an organization's page; the overview has no path segment of its own. */
export const ORGANIZATION_TABS = ['overview', 'contacts', 'edit', 'history'] as const;
export type OrganizationTab = (typeof ORGANIZATION_TABS)[number];

export function isOrganizationTab(value: string | undefined): value is OrganizationTab {
  return ORGANIZATION_TABS.includes(value as OrganizationTab);
}

/** React Router path patterns (`:param`, `?` optional). */
export const ROUTES = {
  /** A chatbot's root: sent on to its organizations. */
  chatbot: '/chatbots/:chatbotId',
  /** The organizations list; with `?q=`, the search results. */
  organizations: '/chatbots/:chatbotId/organizations',
  /** The create form; matched before `organization`, so "new" is not an id. */
  newOrganization: '/chatbots/:chatbotId/organizations/new',
  /** One organization, its tab in the URL (overview: none). */
  organization: '/chatbots/:chatbotId/organizations/:organizationId/:tab?',
  /** Data quality: the overview, one check's queue, a group's merge (`merge`). */
  dataQuality: '/chatbots/:chatbotId/data-quality/:check?/:view?',
  /** The compact lookup (lookup.html in a build). */
  lookup: '/chatbots/:chatbotId/lookup',
  /** The audit trail of every chatbot, its filters in the query string. */
  audit: '/audit',
} as const;

/** The lookup page's path, its chatbot id (still encoded) captured: the only framable route. */
export const LOOKUP_PATH_PATTERN = /^\/chatbots\/([^/]+)\/lookup\/?$/;

/**
 * The chatbot of a lookup page's path, decoded; undefined when the path is no lookup page or its
 * id cannot be decoded. The browser's entry and the server render decode it alike, so both name
 * the same cache keys.
 */
export function lookupChatbotOf(pathname: string): string | undefined {
  const encoded = LOOKUP_PATH_PATTERN.exec(pathname)?.[1];
  if (encoded === undefined) return undefined;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

const segment = encodeURIComponent;

export function organizationsPath(chatbotId: string): string {
  return `/chatbots/${segment(chatbotId)}/organizations`;
}

/** The organizations page searching `text` (`?q=`). */
export function organizationSearchPath(chatbotId: string, text: string): string {
  return `${organizationsPath(chatbotId)}?q=${segment(text)}`;
}

export function newOrganizationPath(chatbotId: string): string {
  return `${organizationsPath(chatbotId)}/new`;
}

export function organizationPath(
  chatbotId: string,
  organizationId: string,
  tab: OrganizationTab = 'overview',
): string {
  const base = `${organizationsPath(chatbotId)}/${segment(organizationId)}`;
  return tab === 'overview' ? base : `${base}/${tab}`;
}

/** Data quality's overview, or one check's findings. */
export function dataQualityPath(chatbotId: string, check?: string): string {
  const base = `/chatbots/${segment(chatbotId)}/data-quality`;
  return check === undefined ? base : `${base}/${segment(check)}`;
}

/** The merge page of one group of likely duplicates. */
export function mergePath(chatbotId: string, check: string, key: string): string {
  return `${dataQualityPath(chatbotId, check)}/merge?${new URLSearchParams({ key }).toString()}`;
}

/** The lookup page, with its query string (`?q=…`, or empty). */
export function lookupPath(chatbotId: string, search = ''): string {
  return `/chatbots/${segment(chatbotId)}/lookup${search}`;
}

export const AUDIT_PATH = ROUTES.audit;
