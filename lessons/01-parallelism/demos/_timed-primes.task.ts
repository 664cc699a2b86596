// Task module for the demos' worker threads: counts primes in a range and says when it
// ran (epoch ms). Files starting with "_" are not demos.
import { countPrimes } from '../lib/count-primes.ts';

export function task(range: { start: number; end: number }): { value: number; began: number; ended: number } {
  const began = performance.timeOrigin + performance.now();
  const value = countPrimes(range.start, range.end);
  return { value, began, ended: performance.timeOrigin + performance.now() };
}
