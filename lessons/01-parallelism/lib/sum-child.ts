// Child process for exercise 07 and the demos: for every { start, end } message it
// answers { sum } = the number of primes in [start, end). It runs until its parent
// disconnects or kills it — an open IPC channel keeps a child alive.
import { countPrimes } from './count-primes.ts';

if (!process.send) throw new Error('sum-child.ts is a child process: start it with child_process.fork(…)');
process.on('message', (range: { start: number; end: number }) => {
  process.send!({ sum: countPrimes(range.start, range.end) });
});
