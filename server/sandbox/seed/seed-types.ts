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
  /**
   * The mess the generator planted in this record on purpose, by field (`email`, `address.country`,
   * `variables.plan`…): the data-quality checks it should trip (planted-mess.ts sums them).
   */
  planted?: PlantedMess;
  /** A near-duplicate's original (the seed planted the pair as one company twice). */
  duplicateOf?: string;
  /** One of the fixed clusters of known duplicates (special-organizations.ts), by its index. */
  duplicateCluster?: number;
}

/** Field → the data-quality checks (server/cleanup/checks/catalogue.ts) its planted value trips. */
export type PlantedMess = Record<string, string[]>;

export function plant(seeded: { planted?: PlantedMess }, field: string, ...checks: string[]): void {
  if (checks.length === 0) return;
  seeded.planted ??= {};
  seeded.planted[field] = [...(seeded.planted[field] ?? []), ...checks];
}

/** The seed's clock: fixed, so every run writes the same timestamps. */
export const SEED_START_MS = Date.UTC(2019, 0, 1);
export const SEED_END_MS = Date.UTC(2025, 10, 30);
