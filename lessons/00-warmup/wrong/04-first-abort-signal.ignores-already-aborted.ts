// Wrong: does not check `signal.aborted` first. The 'abort' event has already fired
// before the call, and it never fires twice, so the listener waits for nothing: a sleep
// that was cancelled before it began runs its full time and then resolves.
export interface SleepOptions {
  readonly signal?: AbortSignal;
}

export function sleep(ms: number, options: SleepOptions = {}): Promise<void> {
  const { signal } = options;
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
