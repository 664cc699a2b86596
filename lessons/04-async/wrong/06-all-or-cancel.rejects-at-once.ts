// Wrong: aborts the siblings on the first failure, but rejects at that moment too. The
// siblings are still winding down when the caller moves on — and may still write, log, or
// hold a connection after "the operation failed".
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
    return await Promise.all(
      tasks.map(async (task) => {
        try {
          return await task(controller.signal);
        } catch (error) {
          if (!controller.signal.aborted) controller.abort(new Error('cancelled', { cause: error }));
          throw error;
        }
      }),
    );
  } finally {
    outer?.removeEventListener('abort', onOuterAbort);
  }
}
