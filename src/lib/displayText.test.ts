import { describe, expect, it } from 'vitest';
import hostileStrings from '../../fixtures/hostile-strings.json' with { type: 'json' };
import { displayText } from './displayText.ts';

describe('displayText', () => {
  it('shows tabs, newlines and carriage returns as visible symbols on one line', () => {
    expect(displayText('Tab\tand\nnewline\r\nname')).toBe('Tab␉and␊newline␍␊name');
  });

  it('shows NUL, DEL, C1 controls and line separators harmlessly', () => {
    expect(displayText('a\u0000b\u007fc\u0085d\u2028e')).toBe('a␀b␡c\ufffdd↵e');
  });

  it('leaves ordinary text, markup, RTL, emoji and zero-width joiners as they are', () => {
    for (const value of [
      '<img src=x onerror=alert(1)>',
      'شركة المثال',
      'Emoji 🚀🏴‍☠️ Ltd',
      'Zero\u200bwidth',
    ]) {
      expect(displayText(value)).toBe(value);
    }
  });

  it('never leaves a line break or control character in any hostile fixture', () => {
    for (const value of hostileStrings as string[]) {
      // eslint-disable-next-line no-control-regex -- asserting their absence.
      expect(displayText(value)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    }
  });
});
