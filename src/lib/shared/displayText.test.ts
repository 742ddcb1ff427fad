import { describe, expect, it } from 'vitest';
import hostileStrings from '../../../fixtures/hostile-strings.json' with { type: 'json' };
import { displayText } from './displayText.ts';

describe('displayText', () => {
  it('shows tabs and line breaks (one for CR LF) as visible arrows on one line', () => {
    expect(displayText('Tab\tand\nnewline\r\nname')).toBe('Tab⇥and↵newline↵name');
    expect(displayText('a\rb\u2028c\u2029d\u0085e')).toBe('a↵b↵c↵d↵e');
  });

  it('shows NUL, DEL and other control characters as the replacement character', () => {
    expect(displayText('a\u0000b\u007fc\u009bd\u001be')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde');
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
