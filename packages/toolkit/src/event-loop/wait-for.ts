/**
 * `waitFor(awaitable, ms)`: wait with a time limit; on timeout cancel the awaited task, wait
 * until it has really finished, then throw a `TimeoutError` (asyncio 3.11's `wait_for`).
 *
 * @module
 */
import { CancelledError } from '../coordination/errors.ts';
import { getRunningLoop } from './event-loop.ts';
import { ensureFuture } from './ensure-future.ts';
import type { Awaitable, Coroutine, Future } from './future.ts';

function releaseWaiter(waiter: Future<unknown>): void {
  if (!waiter.done()) waiter.setResult(undefined);
}

function timeoutError(ms: number): DOMException {
  return new DOMException(`waitFor(): timed out after ${ms} ms`, 'TimeoutError');
}

/** Cancels `future` and waits until it is done (its `finally` blocks have run). */
function* cancelAndWait(future: Future<unknown>): Coroutine<void> {
  const waiter = future.loop.createFuture<unknown>();
  const release = (): void => releaseWaiter(waiter);
  future.addDoneCallback(release, { label: 'waitFor: cancelled one is done' });
  try {
    future.cancel();
    yield* waiter;
  } finally {
    future.removeDoneCallback(release);
  }
}

/** The time is up: cancel the awaited one, wait for it to end, and report a timeout — unless it finished anyway. */
function* cancelForTimeout<T>(future: Future<T>, ms: number): Coroutine<T> {
  yield* cancelAndWait(future as Future<unknown>);
  try {
    return future.result();
  } catch (error) {
    if (error instanceof CancelledError) throw timeoutError(ms);
    throw error;
  }
}

/**
 * Inside a task: `const value = yield* waitFor(awaitable, ms)`. Resolves to the awaitable's
 * result if it finishes within `ms` on the loop's clock. Otherwise cancels it, waits until
 * the cancellation has landed, and throws a `DOMException` named `TimeoutError` (asyncio's
 * `TimeoutError`). `ms` ≤ 0 checks once without waiting; `Infinity` waits without a limit.
 * If the task running `waitFor` is cancelled, the awaitable is cancelled too.
 *
 * @example
 * ```ts
 * import { EventLoop, aio } from '@interleave/toolkit';
 * const loop = new EventLoop();
 * function* slow(): aio.Coroutine<string> {
 *   try {
 *     yield aio.sleep(1000);
 *     return 'late';
 *   } finally {
 *     console.log('slow cleaned up at', loop.time()); // slow cleaned up at 100
 *   }
 * }
 * await loop.runUntilComplete((function* () {
 *   try {
 *     yield* aio.waitFor(slow(), 100);
 *   } catch (error) {
 *     console.log((error as DOMException).name); // 'TimeoutError'
 *   }
 * })());
 * ```
 */
export function* waitFor<T>(awaitable: Awaitable<T>, ms: number): Coroutine<T> {
  if (typeof ms !== 'number' || Number.isNaN(ms)) throw new TypeError(`waitFor(awaitable, ms): ms must be a number (Infinity for no limit), got ${String(ms)}`);
  const loop = getRunningLoop();
  const future = ensureFuture(awaitable, loop);
  if (ms === Infinity) return yield* future;
  if (ms <= 0) return future.done() ? future.result() : yield* cancelForTimeout(future, ms);
  const waiter = loop.createFuture<unknown>();
  const timer = loop.callLater(ms, () => releaseWaiter(waiter), { label: `waitFor timeout (${ms} ms)` });
  const release = (): void => releaseWaiter(waiter);
  future.addDoneCallback(release, { label: 'waitFor: awaited one is done' });
  try {
    try {
      yield* waiter;
    } catch (error) {
      if (!(error instanceof CancelledError)) throw error;
      if (future.done()) return future.result();
      future.removeDoneCallback(release);
      yield* cancelAndWait(future as Future<unknown>);
      throw error;
    }
    if (future.done()) return future.result();
    future.removeDoneCallback(release);
    return yield* cancelForTimeout(future, ms);
  } finally {
    timer.cancel();
  }
}
