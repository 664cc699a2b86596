// Wrong: never removes its 'abort' listener when the time is up. `once: true` only
// removes a listener that *fired*; a sleep that ends normally leaves it on the signal.
// A thousand sleeps on one long-lived signal leave a thousand listeners behind (and Node
// prints a MaxListenersExceededWarning after the eleventh).
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
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
