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
 * Exercise 7 — paginate with `for await` (reference solution).
 *
 * An async generator: it yields items one at a time and keeps one page fetched ahead.
 * Its `finally` runs however the consumer leaves the loop — `break`, `return`, a throw —
 * and that is where the page still in flight is cancelled.
 *
 * @example
 * ```ts
 * for await (const item of paginate<number>('http://127.0.0.1:8080/list?page=1')) {
 *   if (item > 15) break; // the request for the page after is cancelled
 * }
 * ```
 */
export async function* paginate<T>(url: string, options: PaginateOptions = {}): AsyncGenerator<T, void, undefined> {
  const mine = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, mine.signal]) : mine.signal;

  async function load(pageUrl: string): Promise<Page<T>> {
    const response = await fetch(pageUrl, { signal });
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`paginate: HTTP ${response.status} from ${pageUrl}`);
    }
    return (await response.json()) as Page<T>;
  }

  let next: Promise<Page<T>> | undefined = load(url);
  try {
    while (next) {
      const page: Page<T> = await next;
      // Ask for the next page now, so it arrives while the consumer works through this
      // one: the waits overlap with the work. One page ahead, not all of them.
      next = page.next === null ? undefined : load(new URL(page.next, url).href);
      // If the consumer stops before we await it, its rejection (an abort) is expected:
      // mark it handled so Node does not report an unhandled rejection.
      next?.catch(() => undefined);
      for (const item of page.items) yield item;
    }
  } finally {
    // `break` in a for-await loop calls our return(): we land here with the prefetch still
    // open. Abort it — otherwise the request runs on and its connection stays busy.
    mine.abort(new Error('paginate: the consumer stopped'));
  }
}
