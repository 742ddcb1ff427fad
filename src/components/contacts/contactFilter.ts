// The contacts tab's filter: what an agent types during a chat — half a name, a misspelt one, an
// e-mail's domain, a phone number written another way, a channel id — finds the contact.
import { foldText, startsWithTypo, typoAllowance, wordsOf } from '../../lib/search/typoMatch.ts';
import { CHANNELS, type ContactDto } from './contactRows.ts';

interface SearchableContact {
  /** Every field folded, one per line: a word typed anywhere inside it matches. */
  text: string;
  /** The words of those fields, for typo matching. */
  words: string[];
  /** The digits of the phone number: "2065550100" finds "+1 (206) 555-0100". */
  phoneDigits: string;
}

function searchable(contact: ContactDto): SearchableContact {
  const parts = [contact.name, contact.email ?? '', contact.phoneNumber ?? ''];
  for (const channel of CHANNELS) parts.push(contact[channel.field] ?? '');
  for (const [key, value] of Object.entries(contact.variables)) parts.push(key, value);
  const text = foldText(parts.join('\n'));
  return {
    text,
    words: wordsOf(text),
    phoneDigits: (contact.phoneNumber ?? '').replace(/\D/g, ''),
  };
}

function matchesWord(contact: SearchableContact, typed: string): boolean {
  if (contact.text.includes(typed)) return true;
  const digits = typed.replace(/\D/g, '');
  if (digits.length >= 3 && /^[\d\s()+./-]+$/.test(typed) && contact.phoneDigits.includes(digits)) {
    return true;
  }
  if (typoAllowance(typed.length) === 0) return false;
  // Typos are looked for within the word's letters and digits (an e-mail's "@" or a "." aside).
  return wordsOf(typed).every(
    (part) =>
      contact.text.includes(part) || contact.words.some((word) => startsWithTypo(word, part)),
  );
}

/**
 * The contacts that match every word typed in their name, e-mail, phone, channel ids or
 * variables: as part of the text (case and accents aside), a phone number by its digits
 * whatever its spacing, or the start of a word with a typo or two (one from 4 letters, two from
 * 8: "shmidt" finds Schmidt, "nortwind" northwind).
 */
export function filterContacts(contacts: readonly ContactDto[], query: string): ContactDto[] {
  const typed = foldText(query).split(/\s+/).filter(Boolean);
  if (typed.length === 0) return [...contacts];
  return contacts.filter((contact) => {
    const fields = searchable(contact);
    return typed.every((word) => matchesWord(fields, word));
  });
}
