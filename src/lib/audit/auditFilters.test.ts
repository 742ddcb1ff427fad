import { describe, expect, it } from 'vitest';
import { auditFilterParams, auditQueryFor, readAuditFilters } from './auditFilters.ts';

describe('audit filters in the query string', () => {
  it('reads every filter and writes the same query string back', () => {
    const search =
      'person=agent%40demo.test&organization=org-1&operation=update&from=2026-01-01&to=2026-01-31';
    const { values, problems } = readAuditFilters(new URLSearchParams(search));
    expect(problems).toEqual([]);
    expect(values).toEqual({
      person: 'agent@demo.test',
      organization: 'org-1',
      operation: 'update',
      from: '2026-01-01',
      to: '2026-01-31',
    });
    expect(auditFilterParams(values).toString()).toBe(search);
  });

  it('asks the server for the whole last day (to is exclusive there)', () => {
    const { values } = readAuditFilters(new URLSearchParams('from=2026-02-28&to=2026-02-28'));
    expect(auditQueryFor(values)).toEqual({ from: '2026-02-28', to: '2026-03-01' });
  });

  it('leaves out and names what cannot be a filter, never widening it silently', () => {
    const { values, problems } = readAuditFilters(
      new URLSearchParams('operation=%3Cb%3Erename&from=yesterday&to=2026-13-45'),
    );
    expect(values.operation).toBe('');
    expect(values.from).toBe('');
    expect(values.to).toBe('');
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('“<b>rename” is not an operation');
  });

  it('drops a range whose start is after its end', () => {
    const { values, problems } = readAuditFilters(
      new URLSearchParams('from=2026-02-02&to=2026-02-01'),
    );
    expect([values.from, values.to]).toEqual(['', '']);
    expect(problems).toEqual(['“From” is after “To”; the time range was left out.']);
  });
});
