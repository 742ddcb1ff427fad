import { describe, expect, it } from 'vitest';
import { editOpening } from './editOpening.ts';
import type { FormDraft } from './formDraft.ts';
import { formValuesFromOrganization } from './organizationForm.ts';

const values = formValuesFromOrganization({
  id: 'o1',
  name: 'Acme',
  created: '2026-01-01T00:00:00.000Z',
  updated: '2026-01-02T00:00:00.000Z',
  variables: {},
});
const nowMs = Date.parse('2026-01-03T12:00:00.000Z');
const draft: FormDraft = {
  savedAtMs: nowMs - 5 * 60_000,
  baseUpdated: '2026-01-02T00:00:00.000Z',
  base: values,
  values: { ...values, name: 'Acme GmbH' },
};

describe('editOpening', () => {
  it('opens afresh without a draft', () => {
    expect(editOpening(undefined, '2026-01-02T00:00:00.000Z', nowMs)).toEqual({ kind: 'fresh' });
  });

  it('restores a draft made on the stored version, saying when it was kept', () => {
    const opening = editOpening(draft, '2026-01-02T00:00:00.000Z', nowMs);
    expect(opening.kind).toBe('restored');
    expect(opening).toMatchObject({ savedAgo: expect.stringMatching(/5 min/) });
  });

  it('offers a draft of an older version for review, never applies it', () => {
    expect(editOpening(draft, '2026-01-03T00:00:00.000Z', nowMs)).toMatchObject({
      kind: 'review',
      draft,
    });
  });
});
