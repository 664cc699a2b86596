/**
 * Exercise 1 — a round-robin scheduler over generators.
 *
 * Each task is a generator object: calling `task.next()` runs it until its next `yield`
 * (one *step*), or to its end, when `next()` returns `{ done: true, value }` — `value` is
 * what the task `return`ed. A task can only be paused at a `yield`: that is cooperative
 * multitasking.
 *
 * Run the tasks **in turns**: one step of the first, one step of the second, … then round
 * again, skipping the tasks that have finished, until all have. Return every task's result,
 * **in the order the tasks were given** (not the order they finished).
 *
 * If a task throws, let the error propagate (the remaining tasks are not run).
 * If `tasks` is not an array of generator objects, throw a `TypeError` that names the
 * position: `roundRobin: tasks[1] must be a generator object, got function`.
 *
 * @example
 * ```ts
 * function* count(name: string, n: number) {
 *   for (let i = 1; i <= n; i++) {
 *     console.log(name, i);
 *     yield;
 *   }
 *   return `${name} counted to ${n}`;
 * }
 * roundRobin([count('A', 2), count('B', 1)]); // logs A 1, B 1, A 2
 * // → ['A counted to 2', 'B counted to 1']
 * ```
 */
export function roundRobin<T>(tasks: ReadonlyArray<Generator<unknown, T, undefined>>): T[] {
  // TODO: check the input, then step the unfinished tasks in turns; keep each result at its task's index.
  throw new Error('Not implemented: roundRobin');
}
