// Wrong: rejects with an error of its own instead of `signal.reason`. The caller aborted
// with a reason (a TimeoutError, "user pressed stop", "shutting down") and gets back a
// generic "Aborted" — it can no longer tell a timeout from a cancel.
export interface SleepOptions {
  readonly signal?: AbortSignal;
}

export function sleep(ms: number, options: SleepOptions = {}): Promise<void> {
  const { signal } = options;
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Error('Aborted'));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new Error('Aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
