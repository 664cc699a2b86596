// Test helper: wait, without blocking the event loop and without sleeping a guessed
// time, until another thread has moved a shared flag.
import { waitAsync } from '../internal/atomics-wait-async.ts';

/**
 * Resolves once `array[index] >= value`; rejects with a clear message after `ms`.
 * The default is long because what tests wait for here is usually a task starting on a
 * thread that may itself be starting — compiling a .ts worker on a busy 2-core machine
 * takes seconds. The crash suite's 2 s rule is about settling, and is asserted elsewhere.
 */
export async function reach(array: Int32Array, index: number, value: number, ms = 10_000): Promise<void> {
  const deadline = performance.now() + ms;
  // A pending waitAsync does not keep the event loop alive; this timer does.
  const keepAlive = setTimeout(() => {}, ms);
  try {
    for (let seen = Atomics.load(array, index); seen < value; seen = Atomics.load(array, index)) {
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`shared flag ${index} reached ${seen}, not ${value}, within ${ms} ms`);
      const waiting = waitAsync(array, index, seen, left);
      if (waiting.async) await waiting.value;
    }
  } finally {
    clearTimeout(keepAlive);
  }
}
