/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives the same
 * sequence on every run and machine, so a "random" latency or failure pattern repeats.
 *
 * @example
 * ```ts
 * import { seededRandom } from '@interleave/practice-server';
 *
 * const random = seededRandom(42);
 * console.log(random() === seededRandom(42)()); // true
 * ```
 */
export function seededRandom(seed: number): () => number {
  if (!Number.isInteger(seed)) throw new RangeError(`seededRandom: seed must be an integer, got ${seed}`);
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
