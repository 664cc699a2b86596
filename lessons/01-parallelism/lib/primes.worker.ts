// Worker module for the demos' WorkerPool: counts the primes in a range.
import { defineWorker } from '@interleave/toolkit';
import { countPrimes } from './count-primes.ts';

export const primes = defineWorker((range: { start: number; end: number }) => countPrimes(range.start, range.end));
