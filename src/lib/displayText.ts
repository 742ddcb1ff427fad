// API strings are shown as text (React escapes them); this only keeps invisible characters from
// breaking a one-line cell: control characters become their visible Unicode pictures (U+2400
// block), so "Tab\tand\nnewline" stays on one line and still shows what it contains.

const C0_PICTURES_START = 0x2400;
const DELETE_PICTURE = '\u2421';
const REPLACEMENT = '\ufffd';
const LINE_SEPARATOR_PICTURE = '\u21b5';

/** `value` with C0/C1 control characters and line/paragraph separators made visible. */
export function displayText(value: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point.
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (character) => {
    const code = character.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(C0_PICTURES_START + code);
    if (code === 0x7f) return DELETE_PICTURE;
    if (code === 0x2028 || code === 0x2029) return LINE_SEPARATOR_PICTURE;
    return REPLACEMENT;
  });
}
