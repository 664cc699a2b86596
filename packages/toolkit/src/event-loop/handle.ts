/**
 * `Handle` and `TimerHandle`: what `callSoon`, `callLater` and `callAt` of an
 * {@link EventLoop} return — one scheduled callback that can be cancelled before it runs.
 *
 * @module
 */

/** Options of `callSoon`, `callLater` and `callAt`. */
export interface CallOptions {
  /** The name the loop's trace and error messages show for this callback. Default: the function's name, or `'callback'`. */
  readonly label?: string;
}

/** Runs a handle's callback; internal to the event-loop folder (not re-exported). */
export let runHandle: (handle: Handle) => void;
/** Marks a live timer as out of the loop's heap (it fired, or the loop closed); internal. */
export let unschedule: (handle: TimerHandle) => void;
/** The next timer in the heap's chain of timers due at the same time (see `timer-heap.ts`); internal. */
export let chainNext: (handle: TimerHandle) => TimerHandle | undefined;
/** Links `next` after `handle` in a chain, or unlinks with undefined; internal. */
export let setChainNext: (handle: TimerHandle, next: TimerHandle | undefined) => void;

/** Told when a timer still in the heap is cancelled, so the loop can count dead entries. */
export interface TimerOwner {
  timerCancelled(handle: TimerHandle): void;
}

function labelOf(callback: () => void, options: CallOptions | undefined): string {
  return options?.label ?? (callback.name === '' ? 'callback' : callback.name);
}

/**
 * One callback in an {@link EventLoop}'s ready queue (asyncio's `Handle`). `cancel()` before
 * it runs and the loop skips it.
 *
 * @example
 * ```ts
 * import { EventLoop } from '@interleave/toolkit';
 * const loop = new EventLoop();
 * const handle = loop.callSoon(() => console.log('never'));
 * handle.cancel();
 * console.log(handle.cancelled); // true
 * ```
 */
export class Handle {
  #callback: () => void;
  #cancelled = false;
  #label: string | undefined;

  constructor(callback: () => void, options?: CallOptions) {
    this.#callback = callback;
    if (options !== undefined) this.#label = options.label;
  }

  /** The name shown in traces and error messages (worked out when first asked: scheduling stays cheap). */
  get label(): string {
    return (this.#label ??= labelOf(this.#callback, undefined));
  }

  /** True once `cancel()` was called. */
  get cancelled(): boolean {
    return this.#cancelled;
  }

  /** Keeps the callback from running; does nothing if it already ran or was cancelled. */
  cancel(): void {
    this.#cancelled = true;
  }

  static {
    runHandle = (handle) => handle.#callback();
  }
}

/**
 * A callback due at a time on the loop's clock (asyncio's `TimerHandle`): `when` is that time
 * in milliseconds, `seq` the order it was scheduled in, which breaks ties between equal
 * `when`s — so timers due at the same moment run in the order they were set.
 *
 * @example
 * ```ts
 * import { EventLoop } from '@interleave/toolkit';
 * const loop = new EventLoop();
 * const timer = loop.callLater(50, () => console.log('later'));
 * console.log(timer.when); // 50
 * timer.cancel();
 * ```
 */
export class TimerHandle extends Handle {
  /** The loop time (ms) it is due at. */
  readonly when: number;
  /** Scheduling order: the tie-breaker between equal `when`s. */
  readonly seq: number;
  /** The loop whose heap holds it; undefined once it left the heap (a later cancel() counts nothing). */
  #owner: TimerOwner | undefined;
  /** The timer set next for the same `when`, while both wait in the loop's heap. */
  #next: TimerHandle | undefined = undefined;

  constructor(when: number, seq: number, callback: () => void, owner: TimerOwner, options?: CallOptions) {
    super(callback, options);
    this.when = when;
    this.seq = seq;
    this.#owner = owner;
  }

  override cancel(): void {
    if (this.cancelled) return;
    super.cancel();
    this.#owner?.timerCancelled(this);
  }

  static {
    unschedule = (handle) => {
      handle.#owner = undefined;
    };
    chainNext = (handle) => handle.#next;
    setChainNext = (handle, next) => {
      handle.#next = next;
    };
  }
}
