/**
 * A seeded pseudo-random source (mulberry32): the same seed gives the same sequence on every
 * run and machine, so the seed data is reproducible and tests can rely on it.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** An integer in [0, exclusiveMax). */
  below(exclusiveMax: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight: `[[weight, value], …]`. */
  weighted<Choices extends readonly (readonly [number, unknown])[]>(
    choices: Choices,
  ): Choices[number][1];
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (exclusiveMax: number): number => Math.floor(next() * exclusiveMax);
  return {
    next,
    below,
    int: (min, max) => min + below(max - min + 1),
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[below(items.length)] as T;
    },
    weighted<Choices extends readonly (readonly [number, unknown])[]>(
      choices: Choices,
    ): Choices[number][1] {
      const total = choices.reduce((sum, [weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [weight, value] of choices) {
        roll -= weight;
        if (roll < 0) return value;
      }
      const last = choices[choices.length - 1];
      if (!last) throw new Error('weighted pick from an empty list');
      return last[1];
    },
  };
}
