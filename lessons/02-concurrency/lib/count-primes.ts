/**
 * Counts the primes in `[start, end)` by trial division: pure CPU work, no waiting — the
 * job of lesson 01, used here to show one thread interleaving it and two threads sharing it.
 *
 * @example
 * ```ts
 * import { countPrimes } from './lib/count-primes.ts';
 * console.log(countPrimes(0, 100)); // 25
 * ```
 */
export function countPrimes(start: number, end: number): number {
  let count = 0;
  for (let n = Math.max(start, 2); n < end; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) {
      if (n % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}
