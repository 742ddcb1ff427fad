import { describe, expect, it } from 'vitest';
import { formStatusText, invalidFieldLabels } from './formStatus.ts';

const base = {
  saving: false,
  justSaved: false,
  changedCount: 0,
  invalidLabels: [],
  action: 'save',
  shortcut: 'Ctrl+S',
};

describe('form status', () => {
  it('says what Save would do, in the right number', () => {
    expect(formStatusText(base)).toBe('No unsaved changes.');
    expect(formStatusText({ ...base, justSaved: true })).toBe('Changes saved.');
    expect(formStatusText({ ...base, changedCount: 1 })).toBe(
      '1 unsaved change, kept in this browser until saved or discarded. Ctrl+S to save.',
    );
    expect(formStatusText({ ...base, changedCount: 2 })).toMatch(/^2 unsaved changes,/);
    expect(formStatusText({ ...base, saving: true, changedCount: 2 })).toBe('Saving…');
  });

  it('says which fields to fix first', () => {
    expect(formStatusText({ ...base, changedCount: 1, invalidLabels: ['Email'] })).toBe(
      'Fix 1 field to save: Email.',
    );
    expect(formStatusText({ ...base, changedCount: 1, invalidLabels: ['Email', 'City'] })).toBe(
      'Fix 2 fields to save: Email, City.',
    );
  });

  it('names the fields react-hook-form reports, in form order', () => {
    expect(
      invalidFieldLabels({
        website: { message: 'x' },
        name: { message: 'x' },
        address: { location: { message: 'x' } },
        variables: [undefined, { key: { message: 'x' } }],
      }),
    ).toEqual(['Name', 'Website', 'City', 'Variable 2']);
  });
});
