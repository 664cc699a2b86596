/**
 * `VirtualClock`: time that moves only when you say so. Code sleeps on the clock; you
 * `advance()` it or `runAll()`; timers fire in time order (ties in the order they were
 * set), and between two timers every promise callback runs. A run on a virtual clock takes
 * no real time and gives the same result every time — which makes traces repeatable.
 *
 * @module
 */
import { checkMs } from '../internal/check.ts';

/** Options of {@link VirtualClock.sleep}. */
export interface VirtualSleepOptions {
  /** Aborting it removes the timer and rejects with `signal.reason`. Default: none. */
  readonly signal?: AbortSignal;
}

/** Options of {@link VirtualClock.runAll}. */
export interface RunAllOptions {
  /** Give up (reject) after firing this many timers — a guard against timers that re-arm forever. Default 100000. */
  readonly maxTimers?: number;
}

interface Timer {
  at: number;
  seq: number;
  index: number;
  fire: () => void;
}

/** Let every pending promise callback run: a macrotask turn comes after all microtasks. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A manual clock with an O(log n) timer heap.
 *
 * @example
 * ```ts
 * import { VirtualClock } from '@interleave/toolkit';
 *
 * const clock = new VirtualClock();
 * const order: string[] = [];
 * const a = clock.sleep(30).then(() => order.push(`a@${clock.now()}`));
 * const b = clock.sleep(10).then(() => order.push(`b@${clock.now()}`));
 * await clock.runAll();
 * await Promise.all([a, b]);
 * console.log(order); // ['b@10', 'a@30']
 * ```
 */
export class VirtualClock {
  #now: number;
  #seq = 0;
  readonly #heap: Timer[] = [];

  /** @param start The reading before any advance. Default 0. */
  constructor(start = 0) {
    if (!Number.isFinite(start)) throw new RangeError(`VirtualClock: start must be a finite number, got ${start}`);
    this.#now = start;
  }

  /** The current reading. Bound, so `new Tracer({ clock: clock.now })` works. */
  readonly now = (): number => this.#now;

  /** Timers set and not yet fired or cancelled. */
  get pending(): number {
    return this.#heap.length;
  }

  /**
   * Resolves once the clock has been advanced `ms` past now. Rejects with `signal.reason`
   * if the signal aborts first, and then leaves no timer behind.
   */
  sleep(ms: number, options: VirtualSleepOptions = {}): Promise<void> {
    const { signal } = options;
    try {
      checkMs('VirtualClock.sleep', 'ms', ms);
    } catch (error) {
      return Promise.reject(error);
    }
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        this.#remove(timer);
        reject(signal!.reason);
      };
      const timer: Timer = {
        at: this.#now + ms,
        seq: this.#seq++,
        index: -1,
        fire: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.#push(timer);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Moves time forward by `ms`, firing due timers in order and letting callbacks run after each. */
  async advance(ms: number): Promise<void> {
    if (typeof ms !== 'number' || !(ms >= 0) || !Number.isFinite(ms)) {
      throw new RangeError(`VirtualClock.advance: ms must be a finite number ≥ 0, got ${String(ms)}`);
    }
    const target = this.#now + ms;
    await settle();
    for (let top = this.#heap[0]; top !== undefined && top.at <= target; top = this.#heap[0]) {
      this.#pop();
      this.#now = top.at;
      top.fire();
      await settle();
    }
    this.#now = target;
  }

  /** Fires timers in order until none is left (including ones set by the callbacks). */
  async runAll(options: RunAllOptions = {}): Promise<void> {
    const { maxTimers = 100_000 } = options;
    if (!Number.isInteger(maxTimers) || maxTimers < 1) throw new RangeError(`VirtualClock.runAll: options.maxTimers must be an integer ≥ 1, got ${maxTimers}`);
    let fired = 0;
    await settle();
    for (let top = this.#heap[0]; top !== undefined; top = this.#heap[0]) {
      if (fired++ >= maxTimers) {
        throw new Error(`VirtualClock.runAll: fired ${maxTimers} timers and more keep coming (at time ${this.#now}); raise options.maxTimers or look for a timer that re-arms itself`);
      }
      this.#pop();
      this.#now = top.at;
      top.fire();
      await settle();
    }
  }

  // — binary min-heap on (at, seq), each timer knowing its index for O(log n) removal —

  #less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  #swap(i: number, j: number): void {
    const h = this.#heap;
    const a = h[i]!;
    const b = h[j]!;
    h[i] = b;
    h[j] = a;
    b.index = i;
    a.index = j;
  }

  #up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(this.#heap[i]!, this.#heap[parent]!)) return;
      this.#swap(i, parent);
      i = parent;
    }
  }

  #down(i: number): void {
    const h = this.#heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.#less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.#less(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      this.#swap(i, m);
      i = m;
    }
  }

  #push(timer: Timer): void {
    timer.index = this.#heap.length;
    this.#heap.push(timer);
    this.#up(timer.index);
  }

  #pop(): void {
    this.#remove(this.#heap[0]!);
  }

  #remove(timer: Timer): void {
    const i = timer.index;
    if (i < 0) return;
    const last = this.#heap.length - 1;
    if (i !== last) this.#swap(i, last);
    this.#heap.pop();
    timer.index = -1;
    if (i < this.#heap.length) {
      this.#up(i);
      this.#down(i);
    }
  }
}
