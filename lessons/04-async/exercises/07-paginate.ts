/** One page of a paginated API: its items, and the URL (or path) of the next page, or null. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly next: string | null;
}

/** Options of {@link paginate}. */
export interface PaginateOptions {
  /** Stops the iteration and the request in flight; the loop throws `signal.reason`. */
  readonly signal?: AbortSignal;
}

/**
 * Exercise 7 — paginate with `for await`.
 *
 * The practice server's `/list?page=N` answers `{ "items": [...], "next": "/list?page=N+1" }`
 * (`next` is `null` on the last page). Write an **async generator** that yields the items
 * one by one, following `next` — so a caller can write:
 *
 * ```ts
 * for await (const item of paginate<number>(url)) { … }
 * ```
 *
 * - Yield items in order, page after page; request each page once. `next` is a path:
 *   resolve it against the URL you were given (`new URL(next, url).href`).
 * - **One page ahead**: as soon as a page arrives, request the next one, and yield this
 *   page's items while it loads. Never more than one page ahead.
 * - When the consumer leaves the loop early (`break`), **cancel the request in flight** —
 *   the server must see it aborted. (Leaving the loop calls the generator's `return()`,
 *   which runs your `finally`.)
 * - The caller's `signal` stops it too: the loop throws `signal.reason`, the request is cancelled.
 * - A status that is not 2xx: throw an `Error` with the status in its message.
 *
 * @example
 * ```ts
 * for await (const item of paginate<number>('http://127.0.0.1:8080/list?page=1')) {
 *   if (item > 15) break; // the request for the page after is cancelled
 * }
 * ```
 */
export async function* paginate<T>(url: string, options: PaginateOptions = {}): AsyncGenerator<T, void, undefined> {
  // TODO: an AbortController of your own (combined with options.signal); fetch the first
  // page; in a loop: await the page, start the next, yield the items; abort in `finally`.
  throw new Error('Not implemented: paginate');
}
