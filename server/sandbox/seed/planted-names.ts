// Names the seed writes for countries that no standard list carries (CLDR's region names, which
// `Intl.DisplayNames` gives, in any language, nor the ISO codes): colloquial, historical or
// partial. The data-quality check cannot resolve them and, by design, leaves them alone; the
// seed knows this of what it planted.
const COLLOQUIAL = new Set([
  'Great Britain',
  'England',
  'Éire',
  'United States of America',
  'U.S.A.',
  'République française',
  'Holland',
  'Nippon',
  'UAE',
  'Bharat',
  'Oz',
  'Turkey',
]);

export function isColloquialCountryName(name: string): boolean {
  return COLLOQUIAL.has(name);
}

// Where CLDR's English name differs from the one most of the seed's records use (Turkey's since
// 2022): records written the CLDR way are standard, and the colloquial one is left alone.
const CLDR_ENGLISH_NAMES: Readonly<Record<string, string>> = { Turkey: 'Türkiye' };

/** The name a check takes as the standard English one for a country the seed names `name`. */
export function standardCountryName(name: string): string {
  return CLDR_ENGLISH_NAMES[name] ?? name;
}
