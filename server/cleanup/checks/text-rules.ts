// What makes a stored text suspicious: HTML markup, control and invisible formatting characters,
// spaces around it. Pure string functions, shared by the record checks and their suggested fixes.

// An HTML tag (`<b>`, `</mark>`, `<img src=x>`, `<svg/onload=…>`) or a character reference
// (`&lt;`, `&#60;`): text a user typed would not hold these.
const MARKUP = /<\/?[a-z][^<>]*>|<![a-z-]|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]{1,31});/i;
const MARKUP_GLOBAL = new RegExp(MARKUP.source, 'gi');

// C0 and C1 controls (tab and line breaks included: no field of an organization is multi-line)
// and the invisible format characters that reorder or hide text: the zero-width space, the
// direction marks (not the zero-width joiners, which emoji sequences and some scripts need), the
// bidirectional embeddings, overrides and isolates, the byte-order mark.
const CONTROL =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const CONTROL_GLOBAL = new RegExp(CONTROL.source, 'g');

export function hasMarkup(text: string): boolean {
  return MARKUP.test(text);
}

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/** Spaces (any Unicode white space) at the start or the end. */
export function hasSurroundingSpaces(text: string): boolean {
  return text !== text.trim();
}

/**
 * The text without tags, character references and control characters (line breaks and tabs
 * become a space), runs of spaces made one, trimmed. Empty when nothing readable is left.
 */
export function withoutMarkupOrControl(text: string): string {
  return text
    .replace(MARKUP_GLOBAL, ' ')
    .replace(/[\t\n\r]+/g, ' ')
    .replace(CONTROL_GLOBAL, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** Blank: absent, empty or only white space. */
export function isBlank(text: string | null | undefined): boolean {
  return text === undefined || text === null || text.trim() === '';
}

/** Length in characters as a person counts them (code points, not UTF-16 units). */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
