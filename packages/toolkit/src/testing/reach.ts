// Test helper: wait, without blocking the event loop and without sleeping a guessed
// time, until another thread has moved a shared flag.
import { waitAsync } from '../atomics-wait-async.ts';

/** Resolves once `array[index] >= value`; rejects with a clear message after `ms`. */
export async function reach(array: Int32Array, index: number, value: number, ms = 2_000): Promise<void> {
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
