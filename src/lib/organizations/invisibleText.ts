// Characters a person cannot see in a text field, and spaces they cannot count: zero-width and
// direction-control characters, non-breaking and other unusual spaces, control characters, and
// runs of spaces. The forms show them as named markers, so an edit does not keep (or add) them
// unawares, and offer to remove them.

/** One run of the text, either plain or a character (or run of spaces) shown as a marker. */
export type InvisiblePart =
  { kind: 'text'; text: string } | { kind: 'marker'; label: string; name: string };

const NAMED: Readonly<Record<string, [label: string, name: string]>> = {
  '\u200b': ['ZWSP', 'zero-width space'],
  '\u200c': ['ZWNJ', 'zero-width non-joiner'],
  '\u200d': ['ZWJ', 'zero-width joiner'],
  '\u2060': ['WJ', 'word joiner'],
  '\ufeff': ['BOM', 'zero-width no-break space'],
  '\u00ad': ['SHY', 'soft hyphen'],
  '\u200e': ['LRM', 'left-to-right mark'],
  '\u200f': ['RLM', 'right-to-left mark'],
  '\u061c': ['ALM', 'Arabic letter mark'],
  '\u202a': ['LRE', 'left-to-right embedding'],
  '\u202b': ['RLE', 'right-to-left embedding'],
  '\u202c': ['PDF', 'pop directional formatting'],
  '\u202d': ['LRO', 'left-to-right override'],
  '\u202e': ['RLO', 'right-to-left override'],
  '\u2066': ['LRI', 'left-to-right isolate'],
  '\u2067': ['RLI', 'right-to-left isolate'],
  '\u2068': ['FSI', 'first strong isolate'],
  '\u2069': ['PDI', 'pop directional isolate'],
  '\u00a0': ['NBSP', 'non-breaking space'],
  '\u202f': ['NNBSP', 'narrow non-breaking space'],
  '\u3000': ['IDSP', 'ideographic space'],
  '\t': ['TAB', 'tab'],
};

// Joiners are part of emoji sequences and of Persian and Indic spelling: only between two ASCII
// characters (or at an edge) are they a stray.
const JOINERS = new Set(['\u200c', '\u200d']);
const isAsciiOrEdge = (char: string) => char === '' || (char.codePointAt(0) ?? 0) < 0x80;

function nameOf(char: string, before: string, after: string): [string, string] | undefined {
  const named = NAMED[char];
  if (named) {
    if (JOINERS.has(char) && !(isAsciiOrEdge(before) && isAsciiOrEdge(after))) {
      return undefined;
    }
    return named;
  }
  const code = char.codePointAt(0) ?? 0;
  // Other control characters, and the typographic spaces U+2000–U+200A, U+205F.
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
    return [`U+${code.toString(16).toUpperCase().padStart(4, '0')}`, 'control character'];
  }
  if ((code >= 0x2000 && code <= 0x200a) || code === 0x205f) return ['SP', 'unusual space'];
  return undefined;
}

/** Whether line breaks are part of the text (a multi-line value) rather than strays. */
export interface InvisibleOptions {
  multiline?: boolean;
}

/** The text split into plain runs and markers (double spaces: one "·" marker per space). */
export function invisibleParts(
  text: string,
  { multiline = false }: InvisibleOptions = {},
): InvisiblePart[] {
  const parts: InvisiblePart[] = [];
  const chars = [...text];
  let plain = '';
  const flush = () => {
    if (plain !== '') parts.push({ kind: 'text', text: plain });
    plain = '';
  };
  chars.forEach((char, index) => {
    const before = chars[index - 1] ?? '';
    const after = chars[index + 1] ?? '';
    if (char === ' ') {
      const inRun = before === ' ' || after === ' ';
      const atEdge = index === 0 || index === chars.length - 1;
      if (inRun || atEdge) {
        flush();
        parts.push({ kind: 'marker', label: '·', name: 'space' });
        return;
      }
      plain += char;
      return;
    }
    const named =
      multiline && (char === '\n' || char === '\r') ? undefined : nameOf(char, before, after);
    if (named === undefined) {
      plain += char;
      return;
    }
    flush();
    parts.push({ kind: 'marker', label: named[0], name: named[1] });
  });
  flush();
  return parts;
}

export interface InvisibleSummary {
  /** "1 zero-width space, 2 extra spaces" */
  description: string;
  parts: InvisiblePart[];
}

/** What a person cannot see in `text`, or undefined when there is nothing. */
export function describeInvisible(
  text: string,
  options: InvisibleOptions = {},
): InvisibleSummary | undefined {
  const parts = invisibleParts(text, options);
  const counts = new Map<string, number>();
  for (const part of parts) {
    if (part.kind === 'marker') counts.set(part.name, (counts.get(part.name) ?? 0) + 1);
  }
  if (counts.size === 0) return undefined;
  const description = [...counts]
    .map(([name, count]) => {
      if (name === 'space') return count === 1 ? '1 extra space' : `${count} extra spaces`;
      return count === 1 ? `1 ${name}` : `${count} ${name}s`;
    })
    .join(', ');
  return { description, parts };
}

const SPACE_LIKE = new Set(['space', 'tab']);

/**
 * `text` without what describeInvisible names: unusual spaces become plain ones, runs of spaces
 * one, the rest is removed, and the edges trimmed.
 */
export function withoutInvisible(text: string, options: InvisibleOptions = {}): string {
  let result = '';
  for (const part of invisibleParts(text, options)) {
    if (part.kind === 'text') result += part.text;
    else if (SPACE_LIKE.has(part.name) || part.name.endsWith(' space')) {
      if (!part.name.startsWith('zero-width')) result += ' ';
    }
  }
  return result.replace(/ {2,}/g, ' ').trim();
}
