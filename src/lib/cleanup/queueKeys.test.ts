import { describe, expect, it } from 'vitest';
import { queueKeyAction, type QueueKeyContext } from './queueKeys.ts';

const press = (
  key: string,
  modifiers: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey', boolean>> = {},
) => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  defaultPrevented: false,
  ...modifiers,
});
const context: QueueKeyContext = { typing: false, canSelect: true, canMerge: true };

describe('queueKeyAction', () => {
  it('maps the queue’s letters, either case, and Escape', () => {
    expect(queueKeyAction(press('j'), context)).toBe('next');
    expect(queueKeyAction(press('K'), context)).toBe('previous');
    expect(queueKeyAction(press('e'), context)).toBe('edit');
    expect(queueKeyAction(press('x'), context)).toBe('select');
    expect(queueKeyAction(press('m'), context)).toBe('merge');
    expect(queueKeyAction(press('Escape'), context)).toBe('back');
    expect(queueKeyAction(press('q'), context)).toBeNull();
  });

  it('selects and merges only when there is something to', () => {
    const nothing = { ...context, canSelect: false, canMerge: false };
    expect(queueKeyAction(press('x'), nothing)).toBeNull();
    expect(queueKeyAction(press('m'), nothing)).toBeNull();
  });

  it('leaves keys alone while typing, with a modifier, or once handled', () => {
    expect(queueKeyAction(press('j'), { ...context, typing: true })).toBeNull();
    expect(queueKeyAction(press('j', { ctrlKey: true }), context)).toBeNull();
    expect(queueKeyAction(press('e', { metaKey: true }), context)).toBeNull();
    expect(queueKeyAction(press('k', { altKey: true }), context)).toBeNull();
    expect(queueKeyAction({ ...press('j'), defaultPrevented: true }, context)).toBeNull();
  });
});
