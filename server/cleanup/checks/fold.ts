// The keys duplicates are grouped by: a name folded (case, accents, punctuation and legal forms
// ignored), a website's domain and an e-mail's domain (free-mail providers left out).
import { FREE_MAIL_DOMAINS } from '../../../src/lib/cleanup/freeMailDomains.ts';

// Legal forms, written folded (lower case, no accents, dots and commas as spaces). Longest first,
// so "gmbh co kg" goes before "gmbh"; removed only as whole words at the end of a name.
const LEGAL_FORMS = [
  's a p i de c v',
  's a de c v',
  's de r l',
  'gmbh and co kg',
  'gmbh co kg',
  'ug haftungsbeschraenkt',
  's n c',
  'i s',
  'a s',
  'e v',
  'ohg',
  'gbr',
  'aktiengesellschaft',
  'incorporated',
  'corporation',
  'limited',
  'company',
  'g m b h',
  's a r l',
  'sp z o o',
  'gmbh',
  'mbh',
  'ltd',
  'llc',
  'inc',
  'corp',
  'plc',
  'llp',
  'a g',
  'ag',
  'kg',
  'e k',
  'ug',
  's a',
  'sa',
  's l',
  'sl',
  'b v',
  'bv',
  'n v',
  'nv',
  'sarl',
  'sas',
  'srl',
  'spa',
  's p a',
  'aps',
  'as',
  'ab',
  'oy',
  'co',
  'pty',
  'kk',
];

/**
 * Lower case with accents removed; German umlauts become ae, oe, ue (so "Müller" meets the
 * "Mueller" of a keyboard without them), ß → ss, æ → ae, ø → o, ł → l.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/œ/g, 'oe');
}

/**
 * A name for grouping: folded, `&` and "und"/"and" made one, punctuation as spaces, legal forms
 * at the end removed (repeatedly: "Summit Software, Inc." and "Summit Software Inc" meet). Empty
 * when nothing is left (a name that is only a legal form does not group).
 */
export function nameKey(name: string): string {
  let key = foldText(name)
    .replace(/&/g, ' and ')
    .replace(/\bund\b/g, 'and')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const form of LEGAL_FORMS) {
      if (key !== form && key.endsWith(` ${form}`)) {
        key = key.slice(0, -form.length - 1).trim();
        changed = true;
        break;
      }
    }
  }
  return LEGAL_FORMS.includes(key) ? '' : key;
}

/** The host of a website (scheme, `www.`, port, path, query removed; lower case), or ''. */
export function websiteDomain(website: string): string {
  const host = website
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .split(/[/?#]/, 1)[0]!
    .replace(/:\d*$/, '')
    .replace(/^www\d*\./, '')
    .replace(/\.$/, '');
  // A domain has a dot and only letters, digits, hyphens and dots (IDNs are compared as written).
  return /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u.test(host) ? host : '';
}

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain);
}

/** The domain of an e-mail (lower case, trailing dot removed), '' when none or free-mail. */
export function emailDomain(email: string): string {
  const at = email.trim().lastIndexOf('@');
  if (at < 1) return '';
  const domain = email
    .trim()
    .slice(at + 1)
    .toLowerCase()
    .replace(/\.$/, '');
  if (!/^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u.test(domain)) return '';
  return isFreeMailDomain(domain) ? '' : domain;
}
