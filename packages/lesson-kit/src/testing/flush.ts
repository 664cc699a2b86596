// Letting every queued promise callback run, without guessing how many turns it takes.
// Kept at load time, before a test may replace the timers with fake ones.
const realSetImmediate = globalThis.setImmediate;

/**
 * Resolves once every queued microtask (promise callback) has run — however long the
 * chain of `.then`s and `await`s. A `setImmediate` callback only runs after the microtask
 * queue is empty, so no count of `await Promise.resolve()` has to be guessed.
 * It uses the real `setImmediate` even while fake timers are installed.
 *
 * @example
 * ```ts
 * import { flush } from '@interleave/lesson-kit/testing';
 *
 * let done = false;
 * void Promise.resolve().then(() => Promise.resolve()).then(() => (done = true));
 * await flush();
 * console.log(done); // true
 * ```
 */
export function flush(): Promise<void> {
  return new Promise((resolve) => realSetImmediate(resolve));
}
