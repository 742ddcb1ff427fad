// API strings are shown as text (React escapes them); this only keeps invisible characters from
// breaking a one-line cell. Line breaks become "↵" and tabs "⇥" (arrows that common fonts carry;
// the U+2400 "control pictures" are missing from many), and any other control character the
// replacement character "�", so "Tab\tand\nnewline" stays on one line and still shows its shape.

const LINE_BREAK = '\u21b5';
const TAB = '\u21e5';
const REPLACEMENT = '\ufffd';

/** `value` with line breaks, tabs and other control characters made visible. */
export function displayText(value: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point.
  return value.replace(/\r\n|[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (found) => {
    if (found === '\t') return TAB;
    if (found === '\r\n' || found === '\n' || found === '\r') return LINE_BREAK;
    if (found === '\u2028' || found === '\u2029' || found === '\u0085') return LINE_BREAK;
    return REPLACEMENT;
  });
}
