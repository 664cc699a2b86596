/**
 * `Event`: a flag that tasks can wait for (asyncio's `Event`).
 *
 * @module
 */
import { WaiterQueue, readSignal } from '../internal/waiter-queue.ts';

/** Options of {@link Event.wait}. */
export interface EventWaitOptions {
  /**
   * Aborting it takes the call out of the queue and rejects it with `signal.reason`; an
   * already aborted signal rejects at once, even when the event is set. Default: none.
   */
  readonly signal?: AbortSignal;
}

/**
 * A flag, initially clear. `wait()` resolves once it is set; `set()` wakes every waiter
 * (oldest first) and lets later `wait()`s through at once until `clear()`.
 *
 * The name shadows the DOM's global `Event` in a module that imports it; import it under
 * another name (`import { Event as AsyncEvent }`) if you need both.
 *
 * @example
 * ```ts
 * import { Event } from '@interleave/toolkit';
 *
 * const ready = new Event();
 * const worker = (async () => {
 *   await ready.wait();
 *   return 'started';
 * })();
 * ready.set();
 * console.log(await worker, ready.isSet); // 'started' true
 * ```
 */
export class Event {
  #set = false;
  readonly #waiters = new WaiterQueue<void>();

  /** Whether the flag is set. */
  get isSet(): boolean {
    return this.#set;
  }

  /** How many calls of `wait()` are pending. */
  get waiting(): number {
    return this.#waiters.size;
  }

  /** Sets the flag and wakes every waiter. Setting a set event does nothing. */
  set(): void {
    if (this.#set) return;
    this.#set = true;
    this.#waiters.drain((waiter) => waiter.resolve());
  }

  /** Clears the flag: later `wait()`s block until the next `set()`. */
  clear(): void {
    this.#set = false;
  }

  /**
   * Resolves once the flag is set (at once if it is).
   *
   * @example
   * ```ts
   * import { Event } from '@interleave/toolkit';
   * const event = new Event();
   * await event.wait({ signal: AbortSignal.timeout(10) }).catch((e: DOMException) => console.log(e.name)); // 'TimeoutError'
   * console.log(event.waiting); // 0
   * ```
   */
  wait(options?: EventWaitOptions): Promise<void> {
    let signal: AbortSignal | undefined;
    try {
      signal = readSignal(options, 'Event.wait()');
    } catch (error) {
      return Promise.reject(error);
    }
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#set) return Promise.resolve();
    return this.#waiters.wait(undefined, signal);
  }
}
