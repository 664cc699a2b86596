/** Options of {@link crawl}. */
export interface CrawlOptions {
  /** At most this many requests at once. */
  readonly concurrency: number;
  /** Stops the crawl and every request in flight; `crawl` rejects with `signal.reason`. */
  readonly signal?: AbortSignal;
}

/** What a crawl found. URLs are absolute. */
export interface CrawlResult {
  /** Every page fetched, with the links on it (absolute). */
  readonly pages: Map<string, string[]>;
  /** Links that led nowhere (404), in the order they were found out. */
  readonly dead: string[];
}

/** A page of the practice server: `{ "page": "/pages/a", "links": ["/pages/b", …] }`. */
interface PageBody {
  readonly links: readonly string[];
}

/**
 * Exercise 8 — a concurrent crawler.
 *
 * The practice server serves a small web at `/pages/<name>`: each page is
 * `{ "page": "/pages/a", "links": ["/pages/b", …] }`. Links go in circles, and some lead
 * to pages that do not exist (404). Write `crawl(start, { concurrency, signal })`, which
 * visits every page reachable from `start`:
 *
 * - **bounded**: never more than `concurrency` requests at once — and keep that many
 *   busy while there is work (the server counts its peak in flight);
 * - **each page once**: no URL is requested twice, however many pages link to it, even
 *   while it is still loading;
 * - **cycles and dead links**: a 404 goes into `dead` (it is not an error); any other
 *   status that is not 2xx rejects the crawl;
 * - **finishes exactly when done**: resolve in the same moment the last page is in —
 *   not before (while a request is still in flight), and not by checking a timer now
 *   and then (no polling sleep);
 * - **cancellable**: when `signal` aborts, every request in flight is cancelled and the
 *   crawl rejects with `signal.reason`;
 * - `concurrency` must be an integer >= 1, or reject with a `RangeError` naming it.
 *
 * Links are paths: make them absolute with `new URL(link, pageUrl).href`.
 * This is the Go Tour's web-crawler exercise, and the asyncio crawler of *500 Lines or Less*.
 *
 * @example
 * ```ts
 * const { pages, dead } = await crawl('http://127.0.0.1:8080/pages/p0', { concurrency: 8 });
 * console.log(pages.size, dead);
 * ```
 */
export function crawl(start: string, options: CrawlOptions): Promise<CrawlResult> {
  // TODO: a queue, a set of URLs seen (mark them when queued), a count in flight. A
  // function that starts work while count < concurrency; call it at the start and each
  // time a request finishes; when the count drops to 0 and the queue is empty, resolve.
  throw new Error('Not implemented: crawl');
}
