/**
 * Binding a primitive to the loop that first uses it (asyncio's `_LoopBoundMixin`).
 * Private to the event-loop folder.
 *
 * @module
 */
import { InvalidStateError } from '../coordination/errors.ts';
import { getRunningLoop } from './event-loop.ts';
import type { EventLoop } from './event-loop.ts';
import type { Coroutine, Future } from './future.ts';

/** The running loop, checked against the one `bound` holds (or binds it). */
export function boundLoop(bound: { loop: EventLoop | undefined }, what: string): EventLoop {
  const loop = getRunningLoop();
  if (bound.loop === undefined) bound.loop = loop;
  else if (bound.loop !== loop) throw new InvalidStateError(`${what} is bound to a different event loop`);
  return loop;
}

/**
 * Waits as one of `waiters` (FIFO by insertion) until `waiter` settles; the waiter leaves the
 * set however the wait ends. The shared step of Lock, Semaphore and Event.
 */
export function* waitInLine<T>(waiters: Set<Future<T>>, waiter: Future<T>): Coroutine<T> {
  waiters.add(waiter);
  try {
    return yield* waiter;
  } finally {
    waiters.delete(waiter);
  }
}

/** True when some waiter in the set has not been cancelled (no copy of the set). */
export function hasLiveWaiter(waiters: Set<Future<unknown>>): boolean {
  for (const w of waiters) if (!w.cancelled()) return true;
  return false;
}
