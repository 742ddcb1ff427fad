// Test support for the merge's logic: an organization with only what a test cares about set.
import type { Organization } from '../../api/types.ts';

export function org(id: string, fields: Partial<Organization>): Organization {
  return {
    id,
    name: id,
    created: '2026-01-01T00:00:00.000Z',
    updated: '2026-01-02T00:00:00.000Z',
    variables: {},
    ...fields,
  };
}
