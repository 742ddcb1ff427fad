import { StoreInputError } from '../errors.ts';
import { requiredId } from '../input.ts';

/** A person's pinned organizations of one chatbot, in the order they chose. */
export interface PinStore {
  list(userSubject: string, chatbotId: string): Promise<string[]>;
  /** Adds at the end (nothing changes when already pinned); returns the list. */
  add(userSubject: string, chatbotId: string, organizationId: string): Promise<string[]>;
  remove(userSubject: string, chatbotId: string, organizationId: string): Promise<string[]>;
  /** Puts the same ids in a new order; anything else is refused. Returns the list. */
  reorder(
    userSubject: string,
    chatbotId: string,
    organizationIds: readonly string[],
  ): Promise<string[]>;
}

/** Pins are shortcuts, not bookmarks: a short list stays useful. */
export const MAX_PINS = 50;

export interface PinKey {
  user: string;
  chatbot: string;
}

export function pinKey(userSubject: string, chatbotId: string): PinKey {
  return {
    user: requiredId('userSubject', userSubject),
    chatbot: requiredId('chatbotId', chatbotId),
  };
}

export function tooManyPins(): StoreInputError {
  return new StoreInputError(`At most ${MAX_PINS} organizations can be pinned; unpin one first.`);
}

/** The new order, checked to be exactly the pinned ids. */
export function checkReorder(current: readonly string[], requested: readonly string[]): string[] {
  if (!Array.isArray(requested)) throw new StoreInputError('organizationIds must be a list.');
  const next = requested.map((id) => requiredId('organizationId', id));
  const same =
    next.length === current.length &&
    new Set(next).size === next.length &&
    next.every((id) => current.includes(id));
  if (!same) {
    throw new StoreInputError(
      'The new order must list exactly the pinned organizations, once each.',
    );
  }
  return next;
}
