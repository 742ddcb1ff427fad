import { describe, expect, it } from 'vitest';
import { lookupKeyAction, type LookupKeyContext } from './lookupKeys.ts';
import type { LookupRowData } from './lookupRows.ts';

const ada: LookupRowData = { id: 'a', name: 'Ada Ltd', email: 'info@ada.example' };
const blank: LookupRowData = { id: 'b', name: '  ', website: 'https://b.example' };
const rows = [ada, blank];
const context: LookupKeyContext = { rows, active: ada, boxHasText: true, canPin: true };
const press = (key: string, code = '', altKey = false) => ({ key, code, altKey });

describe('lookupKeyAction', () => {
  it('moves the choice down and up within the rows', () => {
    expect(lookupKeyAction(press('ArrowDown'), context)).toEqual({ kind: 'choose', index: 1 });
    expect(lookupKeyAction(press('ArrowDown'), { ...context, active: blank })).toEqual({
      kind: 'choose',
      index: 1,
    });
    expect(lookupKeyAction(press('ArrowUp'), context)).toEqual({ kind: 'choose', index: 0 });
  });

  it('leaves the arrows to the browser when there are no rows', () => {
    const empty = { ...context, rows: [], active: undefined };
    expect(lookupKeyAction(press('ArrowDown'), empty)).toBeNull();
    expect(lookupKeyAction(press('Enter'), empty)).toBeNull();
  });

  it('opens the chosen row on Enter and clears the box on Escape only when it has text', () => {
    expect(lookupKeyAction(press('Enter'), context)).toEqual({ kind: 'open', row: ada });
    expect(lookupKeyAction(press('Escape'), context)).toEqual({ kind: 'clear' });
    expect(lookupKeyAction(press('Escape'), { ...context, boxHasText: false })).toBeNull();
  });

  it('copies a value the row has, and says so when it has none', () => {
    expect(lookupKeyAction(press('e', 'KeyE', true), context)).toEqual({
      kind: 'copy',
      key: 'a:email',
      what: 'e-mail of Ada Ltd',
      value: 'info@ada.example',
    });
    expect(lookupKeyAction(press('i', 'KeyI', true), context)).toMatchObject({ value: 'a' });
    expect(lookupKeyAction(press('e', 'KeyE', true), { ...context, active: blank })).toEqual({
      kind: 'say',
      message: '(no name) has no e-mail to copy.',
    });
  });

  it('pins only where pins can be changed, and toggles the contacts', () => {
    expect(lookupKeyAction(press('p', 'KeyP', true), context)).toEqual({ kind: 'pin', id: 'a' });
    expect(lookupKeyAction(press('p', 'KeyP', true), { ...context, canPin: false })).toBeNull();
    expect(lookupKeyAction(press('c', 'KeyC', true), context)).toEqual({
      kind: 'contacts',
      id: 'a',
    });
  });

  it('leaves other keys, and Alt+letters without Alt, to the browser', () => {
    expect(lookupKeyAction(press('e', 'KeyE'), context)).toBeNull();
    expect(lookupKeyAction(press('x', 'KeyX', true), context)).toBeNull();
  });
});
