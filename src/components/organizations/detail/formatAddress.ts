import type { Address } from '../../../lib/shared/apiTypes.ts';

type AddressDto = Address;

// Spellings the records use for countries that write "1200 Market Street" (house number first)
// and "Seattle 98101" (postal code after the city). Elsewhere (most of continental Europe, Latin
// America, …) it is "Market Street 1200" and "10115 Berlin". France puts the number first but the
// code before the city.
const ENGLISH_STYLE = [
  'united states',
  'usa',
  'us',
  'united states of america',
  'u.s.a.',
  'united kingdom',
  'uk',
  'great britain',
  'england',
  'ireland',
  'éire',
  'canada',
  'india',
  'australia',
  'new zealand',
];
const NUMBER_FIRST = new Set([...ENGLISH_STYLE, 'france']);
const CODE_AFTER_CITY = new Set(ENGLISH_STYLE);

function present(...parts: (string | undefined)[]): string[] {
  return parts.filter((part): part is string => part !== undefined && part.trim() !== '');
}

/**
 * The address as one writes it on an envelope: street line, city line, country — each line only
 * when it has something, in the order the country uses — as lines of parts, so each part can be
 * shown isolated (a right-to-left override in the street must not reorder the house number).
 * Plain strings: the caller renders them as text.
 */
export function formatAddressParts(address: AddressDto | undefined): string[][] {
  if (!address) return [];
  const country = address.country?.trim().toLowerCase() ?? '';
  const street = NUMBER_FIRST.has(country)
    ? present(address.houseNumber, address.street)
    : present(address.street, address.houseNumber);
  const city = CODE_AFTER_CITY.has(country)
    ? present(address.location, address.zipcode)
    : present(address.zipcode, address.location);
  return [street, city, present(address.country)].filter((line) => line.length > 0);
}

/** The address's lines as text (parts joined by a space). */
export function formatAddressLines(address: AddressDto | undefined): string[] {
  return formatAddressParts(address).map((line) => line.join(' '));
}
