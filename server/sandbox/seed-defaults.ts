/** Organizations seeded into an empty database when the caller does not say how many. */
export const DEFAULT_SEED_ORGANIZATIONS = 5000;
