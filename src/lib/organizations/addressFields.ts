/** The parts of an organization's address, in the order forms and checks show them. */
export const ADDRESS_FIELDS = ['street', 'houseNumber', 'zipcode', 'location', 'country'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];
