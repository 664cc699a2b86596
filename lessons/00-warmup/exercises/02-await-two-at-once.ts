/**
 * Exercise 2 — await two things at once.
 *
 * `both(first, second)` gets two functions. Calling one *starts* an operation (a
 * download, a query, a timer…) and returns a promise of its result. Make `both`:
 *
 * - start **both** operations before waiting for either — so they overlap and the
 *   total wait is the longer of the two, not the sum;
 * - resolve to `[resultOfFirst, resultOfSecond]`, in that order, whichever finishes first;
 * - reject as soon as either one rejects, with that error, without waiting for the other.
 *
 * The tests control when each operation finishes, so they can see whether the second
 * one was started while the first was still running.
 *
 * @example
 * ```ts
 * const wait = (ms: number, value: string) => new Promise<string>((r) => setTimeout(r, ms, value));
 * const [user, posts] = await both(() => wait(300, 'ada'), () => wait(200, '3 posts'));
 * // about 300 ms, not 500 ms: ['ada', '3 posts']
 * ```
 */
export function both<A, B>(first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> {
  // TODO: call first() and second() without awaiting in between, then wait for both.
  throw new Error('Not implemented: both');
}
