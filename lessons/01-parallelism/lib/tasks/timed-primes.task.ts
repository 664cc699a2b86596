// Task module for the demos' worker threads: counts primes in a range and says when it
// ran (epoch ms).
import { epochMs } from '@interleave/lesson-kit/demo';
import { countPrimes } from '../count-primes.ts';

export function task(range: { start: number; end: number }): { value: number; began: number; ended: number } {
  const began = epochMs();
  const value = countPrimes(range.start, range.end);
  return { value, began, ended: epochMs() };
}
