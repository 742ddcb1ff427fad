// What the lookup page searches for when it is told who the conversation is with — a deep link
// (`?q=`, `?email=`, `?name=`) or a chat tool's contact — before anyone types: the searches to
// try, best first. The first one that finds anything is shown.
import { FREE_MAIL_DOMAINS } from '../cleanup/freeMailDomains.ts';

/** A hint of whom to look up: each part optional, all untrusted (a URL, another site's message). */
export interface LookupHint {
  /** Search text as it is (`?q=`). */
  query?: string;
  /** An organization's name (`?name=`, a contact's company). */
  name?: string;
  /** A contact's e-mail address (`?email=`): its domain is searched, then the address itself. */
  email?: string;
}

/** Longest text a hint may carry into a search; longer is cut (nobody types more here). */
export const MAX_HINT_LENGTH = 200;
/** RFC 5321's limit of a whole address. */
export const MAX_EMAIL_LENGTH = 254;

// Control and format characters (and U+FFFD) are no part of anything a person searches for.
const INVISIBLE = /[\p{Cc}\p{Cf}\uFFFD]/gu;

/** Text fit to search: invisible characters removed, spaces collapsed, cut to a length; or null. */
export function cleanHintText(value: unknown, maxLength = MAX_HINT_LENGTH): string | null {
  if (typeof value !== 'string') return null;
  const text = value
    .slice(0, maxLength * 4)
    .replace(INVISIBLE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return null;
  return text.slice(0, maxLength).trim();
}

/** The address, lower-cased, when it looks like one (`local@domain.tld`); else null. */
export function cleanEmail(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_EMAIL_LENGTH) return null;
  const email = value.trim().toLowerCase();
  return /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]+$/u.test(email) ? email : null;
}

/** The domain of an address (`ada@mail.example.com` → `mail.example.com`), or null. */
export function emailDomain(email: string): string | null {
  const clean = cleanEmail(email);
  return clean === null ? null : clean.slice(clean.lastIndexOf('@') + 1);
}

/** Whether the address is at a free-mail provider (its domain names no organization). */
export function isFreeMail(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain.toLowerCase());
}

/**
 * One search a hint asks for. A domain or an address is searched as text (the engine splits it
 * into words and forgives typos), so its hits are then kept only when they carry that domain or
 * address: `example.com` must not answer with every organization whose name says "example".
 */
export interface LookupTerm {
  /** What the box shows and the page says was searched. */
  text: string;
  /** What is sent to the search: for a domain its distinctive labels (no TLD, no `www`). */
  query: string;
  kind: 'text' | 'domain' | 'email';
}

/**
 * The words of a domain worth searching: its labels without the last (the TLD), `www` and
 * one- or two-letter ones (`co` of `co.uk`). `se`, `com` or `de` as words would match (as
 * prefixes) a large part of every index, slowly and to no use: the hits are kept by their domain
 * afterwards anyway. Falls back to the whole domain when nothing is left.
 */
export function domainQuery(domain: string): string {
  const labels = domain.split('.').slice(0, -1);
  const words = labels.filter((label) => label.length > 2 && label !== 'www');
  return words.length > 0 ? words.join(' ') : domain;
}

/**
 * The searches a hint asks for, best first, each once: the query as it is; else the name; then
 * the e-mail's domain (unless free mail), then the address itself.
 */
export function lookupTerms(hint: LookupHint): LookupTerm[] {
  const terms: LookupTerm[] = [];
  const add = (text: string | null, kind: LookupTerm['kind'], query = text) => {
    if (text === null || query === null || terms.some((term) => term.text === text)) return;
    terms.push({ text, query, kind });
  };
  add(cleanHintText(hint.query), 'text');
  add(cleanHintText(hint.name), 'text');
  const email = cleanEmail(hint.email);
  if (email !== null) {
    const domain = emailDomain(email);
    if (domain !== null && !isFreeMail(domain)) add(domain, 'domain', domainQuery(domain));
    const local = email.slice(0, email.lastIndexOf('@'));
    add(email, 'email', domain === null ? email : `${local} ${domainQuery(domain)}`);
  }
  return terms;
}

/** The host of a website as people write it (`https://www.a.example/x`, `a.example`), or null. */
function websiteHost(website: string): string | null {
  try {
    return new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(website) ? website : `https://${website}`)
      .hostname;
  } catch {
    return null;
  }
}

function withinDomain(host: string, domain: string): boolean {
  const name = host.toLowerCase().replace(/^www\./, '');
  return name === domain || name.endsWith(`.${domain}`);
}

/** Whether an organization carries the term: any for text, else its e-mail or website. */
export function organizationMatchesTerm(
  organization: { email?: string | undefined; website?: string | undefined },
  term: LookupTerm,
): boolean {
  if (term.kind === 'text') return true;
  const email = cleanEmail(organization.email);
  if (term.kind === 'email') return email === term.text;
  const emailHost = email === null ? null : emailDomain(email);
  const host = organization.website ? websiteHost(organization.website.trim()) : null;
  return (
    (emailHost !== null && withinDomain(emailHost, term.text)) ||
    (host !== null && withinDomain(host, term.text))
  );
}

/** The hint of a lookup page's query string (`?q=`, `?name=`, `?email=`); empty when none. */
export function hintFromSearchParams(params: URLSearchParams): LookupHint {
  const hint: LookupHint = {};
  const query = params.get('q');
  const name = params.get('name');
  const email = params.get('email');
  if (query !== null) hint.query = query;
  if (name !== null) hint.name = name;
  if (email !== null) hint.email = email;
  return hint;
}

/**
 * The term whose results to show: the first, in order, that found anything, once every term
 * before it has answered with nothing; `undefined` while that is not known yet; `null` when
 * every term answered with nothing. `found[i]` is the number of hits of `terms[i]`, or undefined
 * while it has not answered (an error counts as nothing found).
 */
export function chooseTerm<Term>(
  terms: readonly Term[],
  found: readonly (number | undefined)[],
): Term | null | undefined {
  for (const [index, term] of terms.entries()) {
    const count = found[index];
    if (count === undefined) return undefined;
    if (count > 0) return term;
  }
  return null;
}
