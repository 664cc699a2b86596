/**
 * The loop's timer heap: a binary min-heap of {@link TimerHandle}s ordered by `(when, seq)`.
 * Private to the event-loop folder. Cancelled timers stay in it until they reach the top or
 * the loop rebuilds it (`filterCancelled`), as in asyncio's `_run_once`.
 *
 * @module
 */
import type { TimerHandle } from './handle.ts';

function before(a: TimerHandle, b: TimerHandle): boolean {
  return a.when < b.when || (a.when === b.when && a.seq < b.seq);
}

/** A min-heap on `(when, seq)`: O(log n) push and pop, O(1) peek. */
export class TimerHeap {
  #items: TimerHandle[] = [];

  get size(): number {
    return this.#items.length;
  }

  /** The earliest timer, or undefined. */
  peek(): TimerHandle | undefined {
    return this.#items[0];
  }

  push(timer: TimerHandle): void {
    const items = this.#items;
    let i = items.length;
    items.push(timer);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent]!;
      if (!before(timer, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = timer;
  }

  /** Removes and returns the earliest timer; call only when `size > 0`. */
  pop(): TimerHandle {
    const items = this.#items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) this.#siftDown(0, last);
    return top;
  }

  /** Keeps only the timers `keep` accepts and restores the heap in O(n). */
  filter(keep: (timer: TimerHandle) => boolean, onDrop: (timer: TimerHandle) => void): void {
    const kept: TimerHandle[] = [];
    for (const timer of this.#items) {
      if (keep(timer)) kept.push(timer);
      else onDrop(timer);
    }
    this.#items = kept;
    for (let i = (kept.length >> 1) - 1; i >= 0; i--) this.#siftDown(i, kept[i]!);
  }

  /** A copy of the timers in `(when, seq)` order (for traces; O(n log n)). */
  sorted(): TimerHandle[] {
    return [...this.#items].sort((a, b) => (before(a, b) ? -1 : 1));
  }

  clear(): TimerHandle[] {
    const items = this.#items;
    this.#items = [];
    return items;
  }

  #siftDown(start: number, timer: TimerHandle): void {
    const items = this.#items;
    const n = items.length;
    let i = start;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && before(items[right]!, items[child]!)) child = right;
      const c = items[child]!;
      if (!before(c, timer)) break;
      items[i] = c;
      i = child;
    }
    items[i] = timer;
  }
}
