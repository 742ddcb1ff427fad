import { matchPath } from 'react-router';
import { describe, expect, it } from 'vitest';
import {
  dataQualityPath,
  lookupChatbotOf,
  lookupPath,
  mergePath,
  newOrganizationPath,
  organizationPath,
  organizationSearchPath,
  organizationsPath,
  ROUTES,
} from './routes.ts';

const HOSTILE = 'a/b?c#d é';

/** The params of `path` under `pattern`, decoded as the router's matchRoutes decodes them. */
function params(pattern: string, path: string) {
  const match = matchPath(pattern, path);
  if (match === null) return null;
  return Object.fromEntries(
    Object.entries(match.params).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, decodeURIComponent(value)]],
    ),
  );
}

describe('routes', () => {
  it('builds links the route patterns match back to the same values', () => {
    expect(params(ROUTES.organizations, organizationsPath(HOSTILE))).toEqual({
      chatbotId: HOSTILE,
    });
    expect(params(ROUTES.organization, organizationPath(HOSTILE, 'x/y', 'history'))).toEqual({
      chatbotId: HOSTILE,
      organizationId: 'x/y',
      tab: 'history',
    });
    expect(organizationPath('demo', 'o1')).toBe('/chatbots/demo/organizations/o1');
    expect(matchPath(ROUTES.newOrganization, newOrganizationPath('demo'))).not.toBeNull();
    expect(params(ROUTES.dataQuality, dataQualityPath(HOSTILE, 'missing&name'))).toEqual({
      chatbotId: HOSTILE,
      check: 'missing&name',
    });
    expect(matchPath(ROUTES.lookup, lookupPath(HOSTILE, '?q=x'))).toBeNull();
    expect(lookupChatbotOf(lookupPath(HOSTILE))).toBe(HOSTILE);
  });

  it('puts search text and merge keys in the query string, encoded', () => {
    const search = new URL(organizationSearchPath('demo', 'a&q=b #c'), 'http://x');
    expect(search.searchParams.get('q')).toBe('a&q=b #c');
    const merge = new URL(mergePath('demo', 'duplicateName', 'k&y=1'), 'http://x');
    expect(merge.pathname).toBe('/chatbots/demo/data-quality/duplicateName/merge');
    expect(merge.searchParams.get('key')).toBe('k&y=1');
  });

  it('reads the lookup page’s chatbot, and nothing from other or broken paths', () => {
    expect(lookupChatbotOf('/chatbots/demo/lookup/')).toBe('demo');
    expect(lookupChatbotOf('/chatbots/demo/organizations')).toBeUndefined();
    expect(lookupChatbotOf('/chatbots/%E0%A4%A/lookup')).toBeUndefined();
  });
});
