// Wrong: forwards the caller's abort with addEventListener and never removes the listener.
// Every call leaves one more on a signal that may live as long as the process.
export interface FetchWithTimeoutOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

export async function fetchWithTimeout(url: string, options: FetchWithTimeoutOptions): Promise<string> {
  const { timeoutMs, signal } = options;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RangeError(`fetchWithTimeout: timeoutMs must be a finite number > 0, got ${timeoutMs}`);
  const controller = new AbortController();
  if (signal?.aborted) throw signal.reason;
  signal?.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  const timer = setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}`);
    return await response.text();
  } finally {
    clearTimeout(timer);
  }
}
