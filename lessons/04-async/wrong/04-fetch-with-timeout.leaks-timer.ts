// Wrong: a setTimeout that aborts a controller — but it is never cleared. After a quick
// answer the timer stays scheduled for the full timeoutMs and keeps the process alive.
export interface FetchWithTimeoutOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

export async function fetchWithTimeout(url: string, options: FetchWithTimeoutOptions): Promise<string> {
  const { timeoutMs, signal } = options;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RangeError(`fetchWithTimeout: timeoutMs must be a finite number > 0, got ${timeoutMs}`);
  const controller = new AbortController();
  setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), timeoutMs);
  const combined = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;
  const response = await fetch(url, { signal: combined });
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}`);
  return response.text();
}
