import { countPrimes } from '../count-primes.ts';

/**
 * A task module for `lib/task-runner.ts`: counts the primes in `{ start, end }`.
 *
 * @example
 * ```ts
 * import { task } from '../lib/tasks/count-primes.task.ts';
 * task({ start: 0, end: 100 }); // 25
 * ```
 */
export function task(input: { start: number; end: number }): number {
  return countPrimes(input.start, input.end);
}
