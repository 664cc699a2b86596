// Wrong: never reads Retry-After. The server said when to come back; this comes back
// sooner (and counts against it).
/** A sleep that can be cancelled; the tests pass a virtual clock's. */
export type Sleep = (ms: number, options: { signal?: AbortSignal }) => Promise<void>;

/** Options of {@link retryFetch}. */
export interface RetryFetchOptions {
  /** Retries after the first attempt. Default 3 (so at most 4 requests). */
  readonly retries?: number;
  /** The backoff's first step, in ms. Default 100. */
  readonly baseMs?: number;
  /** The backoff never grows past this, in ms. Default 10_000. */
  readonly capMs?: number;
  /** Stops everything: the request in flight and the wait between attempts. */
  readonly signal?: AbortSignal;
  /** How to wait between attempts. Default: a real timer. */
  readonly sleep?: Sleep;
  /** A number in [0, 1). Default `Math.random`. */
  readonly random?: () => number;
}

function realSleep(ms: number, { signal }: { signal?: AbortSignal }): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** 5xx and 429 may be temporary; any other status is the answer. */
function retryable(status: number): boolean {
  return status >= 500 || status === 429;
}

/** `Retry-After` in ms: delta-seconds, or an HTTP date. Undefined when absent or unreadable. */
function retryAfterMs(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export async function retryFetch(url: string, options: RetryFetchOptions = {}): Promise<Response> {
  const { retries = 3, baseMs = 100, capMs = 10_000, signal, sleep = realSleep, random = Math.random } = options;
  if (!Number.isInteger(retries) || retries < 0) throw new RangeError(`retryFetch: retries must be an integer >= 0, got ${retries}`);
  if (!(baseMs > 0) || !Number.isFinite(baseMs)) throw new RangeError(`retryFetch: baseMs must be a finite number > 0, got ${baseMs}`);
  if (!(capMs >= baseMs) || !Number.isFinite(capMs)) throw new RangeError(`retryFetch: capMs must be a finite number >= baseMs, got ${capMs}`);

  for (let attempt = 0; ; attempt++) {
    let response: Response | undefined;
    let failure: unknown;
    try {
      // Only GET: a GET may be repeated without harm (it is idempotent). Retrying a POST
      // could charge a card twice unless the server dedupes by an idempotency key.
      response = await fetch(url, { signal });
    } catch (error) {
      // Our own abort is not a network failure: stop at once.
      if (signal?.aborted) throw signal.reason;
      failure = error; // a dropped connection, a refused one: worth another try
    }
    if (response && !retryable(response.status)) return response; // 2xx, 3xx, and 4xx: done
    if (attempt === retries) {
      if (response) return response;
      throw failure;
    }
    // The server may say when to come back; it knows its load better than we do.
    const told: number | undefined = undefined;
    // Free the connection before waiting: an unread body keeps it busy.
    await response?.body?.cancel();
    // Full jitter: anywhere between 0 and the exponential step. A thousand clients that
    // failed together then come back spread out instead of together, in one wave.
    const delay = told ?? random() * Math.min(capMs, baseMs * 2 ** attempt);
    await sleep(delay, { signal });
  }
}
