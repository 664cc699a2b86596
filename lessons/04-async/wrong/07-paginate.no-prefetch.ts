// Wrong: fetches a page only when the consumer has taken every item of the one before.
// Correct, but the wait for each page adds to the consumer's work instead of overlapping it.
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
  let pageUrl: string | null = url;
  while (pageUrl !== null) {
    const response = await fetch(pageUrl, { signal: options.signal });
    if (!response.ok) throw new Error(`paginate: HTTP ${response.status} from ${pageUrl}`);
    const page = (await response.json()) as Page<T>;
    for (const item of page.items) yield item;
    pageUrl = page.next === null ? null : new URL(page.next, url).href;
  }
}
