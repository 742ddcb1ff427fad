import type { OrganizationDto } from '../types.ts';
import type { CountryProfile } from './countries.ts';

/** An organization to insert, with what the contact generator needs to match it. */
export interface SeedOrganization {
  organization: OrganizationDto;
  /** Stored, never returned (OrganizationDto has no phone number). */
  phoneNumber?: string;
  country: CountryProfile;
  /** The company's mail domain, when it has one; its people's addresses use it. */
  domain?: string;
}

/** The seed's clock: fixed, so every run writes the same timestamps. */
export const SEED_START_MS = Date.UTC(2019, 0, 1);
export const SEED_END_MS = Date.UTC(2025, 10, 30);
