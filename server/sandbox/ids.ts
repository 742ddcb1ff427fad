import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 20 base-62 characters: 119 bits, the shape of the ids ChatCaptain's datastore hands out. */
export const ID_LENGTH = 20;

/** Builds an id from a source of random integers in [0, 62): crypto for the API, a PRNG for the seed. */
export function idFrom(randomBelow: (exclusiveMax: number) => number): string {
  let id = '';
  for (let i = 0; i < ID_LENGTH; i++) id += ALPHABET[randomBelow(ALPHABET.length)];
  return id;
}

export function newRandomId(): string {
  return idFrom((max) => randomInt(max));
}
