import { describe, expect, it } from 'vitest';
import { fieldChanges, outcomeText, valueText } from './auditChanges.ts';

describe('audit changes as text', () => {
  it('lists each changed field before → after, name first', () => {
    expect(
      fieldChanges({
        before: { industry: 'Retail', name: 'Old', variables: { tier: 'gold' } },
        after: { industry: '<img src=x onerror=alert(1)>', name: 'New', variables: {} },
      }),
    ).toEqual([
      { field: 'name', before: 'Old', after: 'New' },
      { field: 'industry', before: 'Retail', after: '<img src=x onerror=alert(1)>' },
      { field: 'variables', before: '{"tier":"gold"}', after: '{}' },
    ]);
  });

  it('has no before for a create and no after for a delete', () => {
    expect(fieldChanges({ before: null, after: { name: 'Made' } })).toEqual([
      { field: 'name', before: null, after: 'Made' },
    ]);
    expect(fieldChanges({ before: { name: 'Gone' }, after: null })).toEqual([
      { field: 'name', before: 'Gone', after: null },
    ]);
  });

  it('says a refused or failed write, and nothing for a success', () => {
    expect(outcomeText({ status: 200, error: null })).toBeNull();
    expect(outcomeText({ status: 403, error: 'needs the admin role' })).toBe(
      'Refused (403): needs the admin role',
    );
    expect(outcomeText({ status: null, error: null })).toBe('Failed (no answer)');
    expect(valueText(null)).toBeNull();
    expect(valueText(3)).toBe('3');
  });
});
