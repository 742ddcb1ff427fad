// Finding the server's key in what the upstream answers, in every form an upstream could echo it
// in: as sent, URL-encoded (also every byte escaped), JSON-escaped, base64 and base64url (at any
// position inside a longer base64 text) and hex. What is found is replaced; an answer in which
// the key can still be read after that (a JSON string with `\u` escapes, say) is withheld whole.

export const REDACTED = '[redacted]';

export interface KeyEchoes {
  /** The text with every known form of the key replaced by [redacted]. */
  redact(text: string): string;
  /** Whether the key can be read in the text in any known form, also inside JSON strings. */
  contains(text: string): boolean;
}

const NO_KEY: KeyEchoes = { redact: (text) => text, contains: () => false };

export function keyEchoes(key: string | undefined): KeyEchoes {
  if (key === undefined || key === '') return NO_KEY;
  // Longest first, so a form that contains another is replaced whole.
  const forms = [...new Set(keyForms(key))].sort((a, b) => b.length - a.length);
  const containsForm = (text: string) => forms.some((form) => text.includes(form));
  return {
    redact: (text) => {
      let result = text;
      for (const form of forms) {
        if (result.includes(form)) result = result.split(form).join(REDACTED);
      }
      return result;
    },
    contains: (text) => containsForm(text) || (text.includes('\\') && jsonStringsContain(text)),
  };

  /** JSON.parse undoes any escaping of the strings (and keys) of a JSON text. */
  function jsonStringsContain(text: string): boolean {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return false;
    }
    const pending: unknown[] = [parsed];
    while (pending.length > 0) {
      const value = pending.pop();
      if (typeof value === 'string') {
        if (containsForm(value)) return true;
      } else if (typeof value === 'object' && value !== null) {
        for (const [name, entry] of Object.entries(value)) {
          if (containsForm(name)) return true;
          pending.push(entry);
        }
      }
    }
    return false;
  }
}

/** Every form of the key looked for; none shorter than 8 characters (the key is much longer). */
export function keyForms(key: string): string[] {
  const bytes = Buffer.from(key, 'utf8');
  const percentEach = [...bytes].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
  const unicodeEach = [...key]
    .map((char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`)
    .join('');
  const json = JSON.stringify(key).slice(1, -1);
  const forms = [
    key,
    encodeURIComponent(key),
    encodeURIComponent(key).replaceAll('%20', '+'),
    percentEach,
    percentEach.toUpperCase(),
    json,
    json.replaceAll('/', '\\/'),
    unicodeEach,
    unicodeEach.toUpperCase().replaceAll('\\U', '\\u'),
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
    ...base64Cores(bytes),
  ];
  return forms.filter((form) => form.length >= 8);
}

/**
 * The part of the key's base64 (and base64url) that is the same wherever the key sits in a longer
 * text: for each of the three byte offsets, the characters that encode only the key's own bits.
 */
function base64Cores(bytes: Buffer): string[] {
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset += 1) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const first = Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    const core = encoded.slice(first, end);
    cores.push(core, core.replaceAll('+', '-').replaceAll('/', '_'));
  }
  return cores;
}
