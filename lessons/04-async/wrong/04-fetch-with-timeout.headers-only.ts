// Wrong: the deadline covers only the wait for the headers. Once they arrive the timer
// is cleared, so a body that stalls halfway is waited for as long as it takes.
export interface FetchWithTimeoutOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

export async function fetchWithTimeout(url: string, options: FetchWithTimeoutOptions): Promise<string> {
  const { timeoutMs, signal } = options;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RangeError(`fetchWithTimeout: timeoutMs must be a finite number > 0, got ${timeoutMs}`);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), timeoutMs);
  const combined = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;
  let response: Response;
  try {
    response = await fetch(url, { signal: combined });
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}`);
  return response.text();
}
