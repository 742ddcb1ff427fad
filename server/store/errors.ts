/**
 * A call the store refuses because of its arguments (a malformed cursor, a limit out of range, a
 * scan that is not staged, too many pins): the caller's mistake, worth a 400 with this message.
 */
export class StoreInputError extends Error {
  override name = 'StoreInputError';
}

/** A row read back does not have the shape this code wrote: the database was changed outside it. */
export class StoreDataError extends Error {
  override name = 'StoreDataError';
}
