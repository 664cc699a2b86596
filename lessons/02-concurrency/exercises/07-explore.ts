/**
 * Exercise 7 — your own tiny model checker: every reachable end state.
 *
 * A race shows up only under some schedules, so one test run proves little. With tasks
 * written as generators you can do better: try **every** schedule. At each point, any
 * unfinished task may run its next step (up to its next `yield`). `explore` runs all those
 * choices and returns the distinct end states, as `JSON.stringify(state)` strings (in any order).
 *
 * A generator cannot be copied or rewound, so you cannot "go back" to try another choice.
 * Instead, call `setup()` again for a fresh world and *replay* the choices made so far, then
 * take a different one — `setup()` builds the same world every time.
 *
 * - Two tasks of 2 steps each have 6 schedules; the lost-update example below has three
 *   end states, 1, 10 and 11 — not just the 11 that a run in order gives.
 * - Give up with a `RangeError` that names `maxSchedules` and its value once more than
 *   `maxSchedules` schedules would be needed (default 10,000) — never run for ever.
 *
 * @example
 * ```ts
 * const ends = explore(() => {
 *   const state = { balance: 0 };
 *   function* deposit(amount: number) {
 *     const seen = state.balance;
 *     yield; // an await, in real code
 *     state.balance = seen + amount;
 *   }
 *   return { state, tasks: [deposit(1), deposit(10)] };
 * });
 * console.log(ends.length); // 3: balances 1, 10 and 11
 * ```
 */
export function explore<S>(
  setup: () => { state: S; tasks: Array<Generator<unknown, unknown, undefined>> },
  maxSchedules = 10_000,
): string[] {
  // TODO: depth-first over the choices: replay a prefix of task indices on a fresh setup(), then try every next choice.
  throw new Error('Not implemented: explore');
}
