// The work every pool runs in the pool benchmarks, shared by our worker (.ts, through
// defineWorker) and the peers' workers (.mjs default exports), so all three pools run
// exactly the same code. Plain JavaScript so piscina and tinypool can load it on Node 20.

/** Counts primes below `limit` by trial division: a CPU-bound task with no allocation. */
export function countPrimes(limit) {
  let count = 0;
  for (let n = 2; n < limit; n++) {
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

/**
 * One task. `input` is a number (returned as is: the trivial task) or `{ op, ... }`.
 * `signal` is only given by pools that pass one to the task (ours).
 */
export async function handle(input, signal) {
  if (typeof input === 'number') return input;
  switch (input.op) {
    case 'primes':
      return countPrimes(input.limit);
    case 'throw':
      throw new Error('task failed on purpose');
    case 'exit':
      process.exit(3);
      break;
    case 'oom': {
      const hoard = [];
      for (;;) hoard.push(Array.from({ length: 100_000 }, (_, i) => i));
    }
    case 'spin':
      // Ignores any signal: only terminating the thread stops it.
      for (;;);
    case 'cooperate':
      // Stops when its signal aborts, if the pool gives it one; otherwise after 30 s.
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 30_000);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      signal?.throwIfAborted();
      return 'not aborted';
    case 'sleep':
      await new Promise((resolve) => setTimeout(resolve, input.ms));
      return 'slept';
    default:
      throw new Error(`bench-task: unknown op ${JSON.stringify(input.op)}`);
  }
}
