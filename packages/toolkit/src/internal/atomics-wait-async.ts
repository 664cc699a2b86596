// Private: a typed handle on Atomics.waitAsync. Node 20 has it (V8 11), but the
// ES2023 lib this repo compiles against does not declare it yet (it is ES2024).

/** What Atomics.waitAsync returns: a settled answer, or a promise of one. */
export type WaitAsyncResult =
  | { async: false; value: 'not-equal' | 'timed-out' }
  | { async: true; value: Promise<'ok' | 'timed-out'> };

type WaitAsync = (array: Int32Array, index: number, value: number, timeoutMs?: number) => WaitAsyncResult;

/**
 * `Atomics.waitAsync(array, index, value, timeoutMs)`: waits without blocking the thread.
 * Looked up on each call, so a test can stand in for it as it can for `Atomics.wait`.
 */
export function waitAsync(array: Int32Array, index: number, value: number, timeoutMs?: number): WaitAsyncResult {
  return (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync(array, index, value, timeoutMs);
}
