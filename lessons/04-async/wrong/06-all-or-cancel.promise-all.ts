// Wrong: plain Promise.all. It rejects at the first failure and forgets the rest: the
// siblings are never told, and their requests run to the end.
/** A task: it must stop (and reject) when its signal aborts. */
export type Task<T> = (signal: AbortSignal) => Promise<T>;

/** Options of {@link allOrCancel}. */
export interface AllOrCancelOptions {
  /** Cancels every task; the call then rejects with `signal.reason`. */
  readonly signal?: AbortSignal;
}

export async function allOrCancel<T>(tasks: readonly Task<T>[], options: AllOrCancelOptions = {}): Promise<T[]> {
  const signal = options.signal ?? new AbortController().signal;
  signal.throwIfAborted();
  return Promise.all(tasks.map(async (task) => task(signal)));
}
