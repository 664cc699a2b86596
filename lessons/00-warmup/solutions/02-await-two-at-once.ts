/**
 * Exercise 2 — await two things at once (reference solution).
 *
 * Starts both operations, then resolves to `[resultOfFirst, resultOfSecond]`; rejects
 * with the first rejection as soon as it happens.
 *
 * @example
 * ```ts
 * const wait = (ms: number, value: string) => new Promise<string>((r) => setTimeout(r, ms, value));
 * const [user, posts] = await both(() => wait(300, 'ada'), () => wait(200, '3 posts'));
 * // about 300 ms, not 500 ms: ['ada', '3 posts']
 * ```
 */
export function both<A, B>(first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> {
  // Calling a function that returns a promise starts the work right away; `await` only
  // decides when *we* look at the result. So both calls happen here, one after the other,
  // with no `await` between them: by the time we wait, both operations are in flight.
  //
  // Promise.all then does the rest:
  // - its result keeps the order of the input array, not the order of completion;
  // - it rejects the moment any input rejects (fail fast), instead of sitting in an
  //   `await` on the first promise while the second has already failed;
  // - it attaches a handler to every input at once, so a promise that rejects while we
  //   wait for another is never reported as an "unhandled rejection".
  return Promise.all([first(), second()]);
}
