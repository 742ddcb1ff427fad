// The most expensive requests the sandbox's limits still accept (field-limits.ts): every field
// at its longest, of text chosen to make each part of the sandbox work hardest. Deterministic (a
// fixed pseudo-random sequence), so every run sends the same bytes; every word is new to the
// index (distinct across the whole run), so each record adds as many terms as it can.
import {
  FIELD_LIMITS,
  MAX_SEARCH_QUERY_CHARACTERS,
} from '../../server/sandbox/validation/field-limits.ts';
import { MAX_DOCUMENT_TOKENS } from '../../server/sandbox/search/limits.ts';
import type { AddressDto } from '../../server/sandbox/types.ts';

/** The text a record is made of. */
export type TextKind = '7-letter words' | '64-letter words' | 'accented words' | 'CJK' | 'escapes';

export const TEXT_KINDS: readonly TextKind[] = [
  // The most typo-index entries per token (a deletion of one or two of the first 7 letters:
  // 29 each) with many tokens per field: the record's 1,000 searchable tokens in two fields.
  '7-letter words',
  // As long as an indexed token: the longest hashing, deletions and edit distances.
  '64-letter words',
  // Not ASCII: the Unicode tokenizer and NFKD folding for every token.
  'accented words',
  // Han characters: each one a token.
  'CJK',
  // Control characters, which JSON writes as six bytes each (\u0001): the largest stored and
  // returned record; no tokens at all.
  'escapes',
];

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ACCENTED = 'àáâãäåçèéêëìíîïñòóôõöøùúûüýÿßæœ';
const ACCENTED_ALPHABET = ACCENTED + LETTERS;
/** Words are numbered; a number's digits, scrambled, spell the word, so no two are alike. */
const SCRAMBLE = 1_000_003;

export interface CreateBody {
  name: string;
  email: string;
  website: string;
  industry: string;
  phoneNumber: string;
  address: Required<AddressDto>;
}

export interface UpdateBody {
  organization: Omit<CreateBody, 'phoneNumber'> & { variables: Record<string, string> };
}

/** Makes bodies and queries; one instance per run keeps every word distinct. */
export class WorstRequests {
  private state = 11;
  private wordNumber = 0;
  private cjkNext = 0x4e00;

  /** A create with every field at its limit, of `kind` text. */
  create(kind: TextKind): CreateBody {
    const text = (limit: number, separator = ' '): string => this.fill(kind, limit, separator);
    return {
      name: text(FIELD_LIMITS.name),
      email: text(FIELD_LIMITS.email, '.'),
      website: text(FIELD_LIMITS.website, '/'),
      industry: text(FIELD_LIMITS.industry),
      phoneNumber: text(FIELD_LIMITS.phoneNumber),
      address: {
        street: text(FIELD_LIMITS.addressField),
        houseNumber: text(FIELD_LIMITS.addressField),
        zipcode: text(FIELD_LIMITS.addressField),
        location: text(FIELD_LIMITS.addressField),
        country: text(FIELD_LIMITS.addressField),
      },
    };
  }

  /**
   * An update that rewrites every field at its limit and sets the most variables the limits
   * allow (50, filling the 20,000 characters of names and values together).
   */
  update(kind: TextKind): UpdateBody {
    const { phoneNumber: _phone, ...fields } = this.create(kind);
    return { organization: { ...fields, variables: this.variables(kind) } };
  }

  /** 50 variables: short distinct names, values of `kind` text filling the total. */
  variables(kind: TextKind): Record<string, string> {
    const variables: Record<string, string> = {};
    const names = Array.from({ length: FIELD_LIMITS.variableCount }, (_, i) => `v${i}`);
    const namesLength = names.reduce((sum, name) => sum + name.length, 0);
    const valueLength = Math.floor(
      (FIELD_LIMITS.variablesTotal - namesLength) / FIELD_LIMITS.variableCount,
    );
    for (const name of names) variables[name] = this.fill(kind, valueLength, ' ');
    return variables;
  }

  /**
   * A record for the page requests: every field and variable at its limit, of 7-letter words,
   * with `mark` as the last token the index reads (its 1,000th, in the name), so highlighting a
   * hit reads every token it may.
   */
  pageRecord(mark: string): { create: CreateBody; update: UpdateBody } {
    const create = this.create('7-letter words');
    const words = create.name.split(' ').slice(0, MAX_DOCUMENT_TOKENS - 1);
    while (words.join(' ').length + 1 + mark.length > FIELD_LIMITS.name) words.pop();
    create.name = `${words.join(' ')} ${mark}`;
    const { phoneNumber: _phone, ...fields } = create;
    return {
      create,
      update: { organization: { ...fields, variables: this.variables('7-letter words') } },
    };
  }

  /** A search text as long as allowed, of distinct `kind` words none stored yet. */
  query(kind: TextKind): string {
    return this.fill(kind, MAX_SEARCH_QUERY_CHARACTERS, ' ');
  }

  /**
   * `text` with one letter of each word changed (the words of a stored record misspelt: every
   * query word has typo candidates to measure).
   */
  static misspelt(text: string): string {
    return text.replace(/[a-z]{4,}/g, (word) => {
      const at = word.length >> 1;
      const letter = word[at] === 'e' ? 'o' : 'e';
      return `${word.slice(0, at)}${letter}${word.slice(at + 1)}`;
    });
  }

  /** Distinct words of `kind` (separated by `separator`) up to `limit` characters. */
  private fill(kind: TextKind, limit: number, separator: string): string {
    if (kind === 'escapes') return this.escapes(limit);
    const words: string[] = [];
    let length = 0;
    for (;;) {
      const word = this.word(kind);
      const added = word.length + (words.length > 0 ? separator.length : 0);
      if (length + added > limit) break;
      words.push(word);
      length += added;
    }
    return words.join(separator);
  }

  private escapes(limit: number): string {
    let text = '';
    while (text.length < limit) text += String.fromCharCode(1 + this.below(31));
    // Tabs, newlines and the like are two bytes; the rest of 1–31 are six.
    return text;
  }

  private word(kind: Exclude<TextKind, 'escapes'>): string {
    if (kind === 'CJK') {
      // Each character is a token on its own: a run of distinct ones, wrapping in the block.
      let text = '';
      for (let i = 0; i < 8; i++) {
        text += String.fromCharCode(this.cjkNext);
        this.cjkNext = this.cjkNext >= 0x9fef ? 0x4e00 : this.cjkNext + 1;
      }
      return text;
    }
    const alphabet = kind === 'accented words' ? ACCENTED_ALPHABET : LETTERS;
    const distinctLength = kind === 'accented words' ? 6 : 7;
    let word = spell(this.wordNumber++, alphabet, distinctLength);
    // Past the distinct start, any letters: a 64-letter word is cut to the indexed length.
    if (kind === '64-letter words') {
      while (word.length < 64) word += LETTERS[this.below(LETTERS.length)] as string;
    }
    return word;
  }

  /** A small linear congruential generator: the same sequence on every run. */
  private below(n: number): number {
    this.state = (Math.imul(this.state, 1_103_515_245) + 12_345) & 0x7fffffff;
    return this.state % n;
  }
}

/**
 * The word numbered `n`: `length` letters of `alphabet`, the digits of `n` scrambled by a
 * multiplication that is one-to-one below the alphabet's size to the power `length`.
 */
function spell(n: number, alphabet: string, length: number): string {
  const words = alphabet.length ** length;
  let rest = (n * SCRAMBLE + 7) % words;
  let word = '';
  for (let i = 0; i < length; i++) {
    word += alphabet[rest % alphabet.length] as string;
    rest = Math.floor(rest / alphabet.length);
  }
  return word;
}
