// Small preferences kept in localStorage (read synchronously at start-up).

const SEED_KEY = 'latihan-bos-v2.seed';
/** The default seed: the year BOS V2 was launched. */
export const DEFAULT_SEED = 2021;

/** The seed of the simulated data; the same seed gives every trainee the same villages and people. */
export function readSeed(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): number {
  try {
    const value = Number(storage?.getItem(SEED_KEY));
    return Number.isSafeInteger(value) && value > 0 ? value : DEFAULT_SEED;
  } catch {
    return DEFAULT_SEED;
  }
}

export function writeSeed(
  seed: number,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(SEED_KEY, String(seed));
  } catch {
    // Private mode: the seed lasts for this visit only.
  }
}
