// Wrong: rejects on abort but forgets clearTimeout. The promise is settled, yet the timer
// stays scheduled: it keeps the process alive for up to `ms` (a CLI that should exit at
// Ctrl-C hangs on) and fires later for nothing.
export interface SleepOptions {
  readonly signal?: AbortSignal;
}

export function sleep(ms: number, options: SleepOptions = {}): Promise<void> {
  const { signal } = options;
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => reject(signal?.reason);
    setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
