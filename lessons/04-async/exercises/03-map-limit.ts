/**
 * Exercise 3 — mapLimit.
 *
 * `Promise.all(items.map(fn))` starts every call at once: 10,000 URLs, 10,000 open
 * connections. `mapLimit(items, limit, fn)` calls `fn(item, index)` for every item with at
 * most `limit` calls running at any moment, and resolves with the results **in the order
 * of `items`**.
 *
 * - Keep `limit` running while there is work: when one call finishes, start the next at
 *   once (not "a batch of `limit`, wait for the whole batch, next batch").
 * - Results by input position, whatever order the calls finish in.
 * - When a call rejects, reject with that error and start no new calls (calls already
 *   running may finish; their results are dropped).
 * - `limit` must be an integer >= 1; otherwise reject with a `RangeError` that names `limit`
 *   and the value. Empty `items` → `[]`.
 *
 * The tests run it against the practice server and read its count of requests in flight:
 * the peak must be exactly `limit`.
 *
 * @example
 * ```ts
 * const pages = await mapLimit(['/a', '/b', '/c', '/d'], 2, (path) => fetch(`http://127.0.0.1:8080${path}`).then((r) => r.text()));
 * ```
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  // TODO: check limit; start `limit` workers that each take the next index until none is
  // left; store each result at its index; stop starting new work after an error.
  throw new Error('Not implemented: mapLimit');
}
