// Wrong: races the request against a timer. The promise rejects on time — but the fetch
// was never told, so the request runs on to the end (the server never sees it cancelled),
// and the timer stays scheduled after a quick answer.
export interface FetchWithTimeoutOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

export async function fetchWithTimeout(url: string, options: FetchWithTimeoutOptions): Promise<string> {
  const { timeoutMs, signal } = options;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RangeError(`fetchWithTimeout: timeoutMs must be a finite number > 0, got ${timeoutMs}`);
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), timeoutMs),
  );
  const work = (async () => {
    const response = await fetch(url, { signal });
    if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}`);
    return response.text();
  })();
  return Promise.race([work, timeout]);
}
