// The worker side of demo 1's two-lane run: counts primes in a range and says when it
// started and ended (epoch milliseconds, comparable with the main thread's clock).
import { defineWorker } from '@interleave/toolkit';
import { epochMs } from '@interleave/lesson-kit/demo';
import { countPrimes } from './count-primes.ts';

export const primes = defineWorker((range: { start: number; end: number }) => {
  const start = epochMs();
  const count = countPrimes(range.start, range.end);
  return { count, start, end: epochMs() };
});
