// Wrong: fetches one page ahead but has no `finally`. When the consumer breaks out of the
// loop, the request for the next page runs on to the end, for nobody.
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
    // (nothing: the prefetch is left running)
  }
}
