// One name per country: a stored country is looked up among the region names Node's ICU data
// (`Intl.DisplayNames`) gives in many languages, and among the two-letter region codes, so that
// "DE", "Deutschland" and "Allemagne" all resolve to DE and are shown as "Germany". No hand list
// of countries: what ICU does not know ("Holland", "Oz") is left alone.
import { foldText } from './fold.ts';

// Languages whose names for countries people write into CRMs. More languages only add names.
const LANGUAGES = [
  'en',
  'de',
  'fr',
  'es',
  'it',
  'nl',
  'pt',
  'sv',
  'da',
  'nb',
  'fi',
  'pl',
  'cs',
  'hu',
  'ro',
  'tr',
  'el',
  'ru',
  'uk',
  'ar',
  'he',
  'ja',
  'zh',
  'ko',
  'hi',
];

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

interface CountryIndex {
  /** Folded name or code → region code. */
  byName: Map<string, string>;
  /** Region code → English name. */
  english: Map<string, string>;
}

let index: CountryIndex | undefined;

function regionName(names: Intl.DisplayNames, code: string): string | undefined {
  try {
    const name = names.of(code);
    // ICU answers the code itself for a region it has no name for.
    return name === undefined || name === code ? undefined : name;
  } catch {
    return undefined;
  }
}

/** The region code ICU uses for `code` (DD → DE, UK → GB), or `code` itself. */
function canonicalRegion(code: string): string {
  try {
    return new Intl.Locale(`und-${code}`).region ?? code;
  } catch {
    return code;
  }
}

function countryKey(text: string): string {
  return foldText(text)
    .replace(/[.\s]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

function buildIndex(): CountryIndex {
  const byName = new Map<string, string>();
  const english = new Map<string, string>();
  const inEnglish = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
  const codes: string[] = [];
  for (const first of LETTERS) {
    for (const second of LETTERS) {
      const code = first + second;
      const name = regionName(inEnglish, code);
      // Only real countries: leave out ICU's pseudo-regions (EU, UN, EZ, XA…), the unknown, and
      // codes replaced by others (DD → DE, UK → GB), which are looked up as their replacement.
      if (name === undefined || /^(?:EU|EZ|UN|QO|ZZ|X.)$/.test(code)) continue;
      if (canonicalRegion(code) !== code) continue;
      codes.push(code);
      english.set(code, name);
    }
  }
  for (const language of LANGUAGES) {
    for (const style of ['long', 'short'] as const) {
      const names = new Intl.DisplayNames([language], { type: 'region', style, fallback: 'code' });
      for (const code of codes) {
        const name = regionName(names, code);
        if (name !== undefined && !byName.has(countryKey(name))) {
          byName.set(countryKey(name), code);
        }
      }
    }
  }
  // English names win over another language's identical spelling; codes are exact, and a
  // replaced code (UK) stands for its replacement (GB).
  for (const [code, name] of english) byName.set(countryKey(name), code);
  for (const first of LETTERS) {
    for (const second of LETTERS) {
      const canonical = canonicalRegion(first + second);
      if (english.has(canonical)) byName.set((first + second).toLowerCase(), canonical);
    }
  }
  return { byName, english };
}

export interface ResolvedCountry {
  code: string;
  /** The English name the console writes. */
  name: string;
}

/** The country a stored text names, or undefined when ICU's data knows no such name or code. */
export function resolveCountry(text: string): ResolvedCountry | undefined {
  index ??= buildIndex();
  const key = countryKey(text);
  if (key === '') return undefined;
  const code = index.byName.get(key);
  if (code === undefined) return undefined;
  const name = index.english.get(code);
  return name === undefined ? undefined : { code, name };
}
