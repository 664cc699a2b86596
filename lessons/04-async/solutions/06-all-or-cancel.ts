/** A task: it must stop (and reject) when its signal aborts. */
export type Task<T> = (signal: AbortSignal) => Promise<T>;

/** Options of {@link allOrCancel}. */
export interface AllOrCancelOptions {
  /** Cancels every task; the call then rejects with `signal.reason`. */
  readonly signal?: AbortSignal;
}

/**
 * Exercise 6 — all or cancel (reference solution).
 *
 * `Promise.all` with structured concurrency: the first failure aborts the siblings, and
 * the call returns only once every task has finished — nothing runs on behind its back.
 *
 * @example
 * ```ts
 * const [user, orders] = await allOrCancel([
 *   (signal) => fetch('http://127.0.0.1:8080/user/1', { signal }).then((r) => r.json()),
 *   (signal) => fetch('http://127.0.0.1:8080/orders?user=1', { signal }).then((r) => r.json()),
 * ]);
 * ```
 */
export async function allOrCancel<T>(tasks: readonly Task<T>[], options: AllOrCancelOptions = {}): Promise<T[]> {
  const { signal: outer } = options;
  if (outer?.aborted) throw outer.reason;
  const controller = new AbortController();
  // The first reason to stop wins: a task's own error, or the caller's abort.
  let first: { error: unknown } | undefined;
  const stop = (error: unknown): void => {
    if (first) return;
    first = { error };
    // The siblings see a reason that points at what really happened.
    controller.abort(new Error('allOrCancel: cancelled because another task failed', { cause: error }));
  };
  const onOuterAbort = (): void => stop(outer!.reason);
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  try {
    // allSettled, not all: we wait for *every* task, so when we return (or throw) none is
    // still running — the promise of Python's TaskGroup.
    const settled = await Promise.allSettled(
      tasks.map(async (task) => {
        try {
          return await task(controller.signal);
        } catch (error) {
          stop(error);
          throw error;
        }
      }),
    );
    if (first) throw first.error; // the *first* failure, not a sibling's "I was cancelled"
    return settled.map((result) => (result as PromiseFulfilledResult<T>).value);
  } finally {
    // The caller's signal may outlive this call by hours: leave nothing on it.
    outer?.removeEventListener('abort', onOuterAbort);
  }
}
