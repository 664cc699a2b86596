/** A task: it must stop (and reject) when its signal aborts. */
export type Task<T> = (signal: AbortSignal) => Promise<T>;

/** Options of {@link allOrCancel}. */
export interface AllOrCancelOptions {
  /** Cancels every task; the call then rejects with `signal.reason`. */
  readonly signal?: AbortSignal;
}

/**
 * Exercise 6 — all or cancel.
 *
 * `Promise.all` stops *waiting* at the first failure, but the other tasks run on — their
 * requests, their retries, their writes — and nobody is left to look at the result.
 * `allOrCancel(tasks, { signal })` runs every task at once, each with an `AbortSignal`, and:
 *
 * - resolves with every value, in the order of `tasks`, when all succeed;
 * - on the **first** failure, aborts the signal it gave the tasks (the siblings stop: the
 *   server sees their requests cancelled);
 * - returns only when **every** task has settled — then rejects with that first error (not
 *   with a sibling's error about being cancelled);
 * - when the caller's `signal` aborts: aborts the tasks the same way and rejects with
 *   `signal.reason`; if it is already aborted, starts nothing;
 * - leaves no `'abort'` listener on the caller's signal.
 *
 * That is Python's `asyncio.TaskGroup`, in one function.
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
  // TODO: one AbortController for the tasks; remember the first error and abort on it;
  // wait for all of them (Promise.allSettled); then throw the first error or return the values.
  throw new Error('Not implemented: allOrCancel');
}
