/**
 * Counts the primes in `[start, end)` by trial division — deliberately slow, pure CPU.
 *
 * This is the lesson's stand-in for "real work": no I/O, no allocation, only
 * arithmetic, so the only way to finish it sooner is to run parts of it on more cores.
 * `demos/gil.py` runs the same loop in CPython so the two languages are compared on the
 * same job.
 *
 * @example
 * ```ts
 * import { countPrimes } from '../lib/count-primes.ts';
 * countPrimes(0, 100); // 25
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
