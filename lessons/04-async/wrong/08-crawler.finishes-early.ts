// Wrong: declares the crawl over when the queue is empty, without counting the requests
// still in flight — so it resolves while the last pages are loading, and misses them.
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

export function crawl(start: string, options: CrawlOptions): Promise<CrawlResult> {
  const { concurrency, signal: outer } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    return Promise.reject(new RangeError(`crawl: concurrency must be an integer >= 1, got ${concurrency}`));
  }
  if (outer?.aborted) return Promise.reject(outer.reason);
  const mine = new AbortController();
  const signal = outer ? AbortSignal.any([outer, mine.signal]) : mine.signal;

  const pages = new Map<string, string[]>();
  const dead: string[] = [];
  // "Seen" is marked when a URL is *queued*, not when it is fetched: two pages that link
  // to the same third page while it is still loading must not queue it twice.
  const seen = new Set<string>([start]);
  const queue: string[] = [start];
  let head = 0; // queue[head] is next; an index instead of shift(), which is O(n)
  let inFlight = 0;
  let failure: { error: unknown } | undefined;

  async function visit(url: string): Promise<void> {
    const response = await fetch(url, { signal });
    if (response.status === 404) {
      await response.body?.cancel();
      dead.push(url);
      return;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`crawl: HTTP ${response.status} from ${url}`);
    }
    const body = (await response.json()) as PageBody;
    const links = body.links.map((link) => new URL(link, url).href);
    pages.set(url, links);
    for (const link of links) {
      if (seen.has(link)) continue;
      seen.add(link);
      queue.push(link);
    }
  }

  return new Promise<CrawlResult>((resolve, reject) => {
    const finish = (): void => {
      if (failure) reject(failure.error);
      else resolve({ pages, dead });
    };
    const stop = (error: unknown): void => {
      if (failure) return;
      failure = { error };
      mine.abort(error); // the requests still in flight stop too
    };
    outer?.addEventListener('abort', () => stop(outer.reason), { once: true, signal: mine.signal });

    // Start as much as the limit allows. Called at the start and after every request.
    const pump = (): void => {
      while (!failure && inFlight < concurrency && head < queue.length) {
        const url = queue[head++]!;
        inFlight++;
        visit(url)
          .catch(stop)
          .finally(() => {
            inFlight--;
            pump();
            // Nothing running, nothing waiting: that was the last page. No timer, no
            // polling — the crawl ends in the same turn as its last request.
            if (head === queue.length) {
              mine.abort(); // also removes our listener on the caller's signal (its `signal` option)
              finish();
            }
          });
      }
    };
    pump();
  });
}
