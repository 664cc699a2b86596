// Wrong: checks an already-aborted signal with `signal.throwIfAborted()` *before* making
// the promise. The reason is right, but it is thrown during the call instead of arriving
// as a rejection, so `sleep(ms, { signal }).catch(handle)` never sees it (exercise 1's
// lesson again). Inside the `new Promise` executor, the same line would be fine.
export interface SleepOptions {
  readonly signal?: AbortSignal;
}

export function sleep(ms: number, options: SleepOptions = {}): Promise<void> {
  const { signal } = options;
  signal?.throwIfAborted();
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
