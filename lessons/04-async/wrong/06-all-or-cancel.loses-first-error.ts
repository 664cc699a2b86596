// Wrong: waits for every task, then throws the first rejection *in the order of the
// tasks*. When task 2 failed and cancelled tasks 0 and 1, the caller gets the
// "cancelled" error of task 0 instead of the failure that started it.
/** A task: it must stop (and reject) when its signal aborts. */
export type Task<T> = (signal: AbortSignal) => Promise<T>;

/** Options of {@link allOrCancel}. */
export interface AllOrCancelOptions {
  /** Cancels every task; the call then rejects with `signal.reason`. */
  readonly signal?: AbortSignal;
}

export async function allOrCancel<T>(tasks: readonly Task<T>[], options: AllOrCancelOptions = {}): Promise<T[]> {
  const { signal: outer } = options;
  if (outer?.aborted) throw outer.reason;
  const controller = new AbortController();
  const onOuterAbort = (): void => controller.abort(outer!.reason);
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  try {
    const settled = await Promise.allSettled(
      tasks.map(async (task) => {
        try {
          return await task(controller.signal);
        } catch (error) {
          if (!controller.signal.aborted) controller.abort(new Error('cancelled', { cause: error }));
          throw error;
        }
      }),
    );
    const rejected = settled.find((r) => r.status === 'rejected');
    if (rejected) throw rejected.reason;
    return settled.map((r) => (r as PromiseFulfilledResult<T>).value);
  } finally {
    outer?.removeEventListener('abort', onOuterAbort);
  }
}
