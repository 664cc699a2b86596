/**
 * The loop's timer heap: a binary min-heap of {@link TimerHandle}s ordered by `(when, seq)`.
 * Private to the event-loop folder. Cancelled timers stay in it until they reach the top or
 * the loop rebuilds it (`filter`), as in asyncio's `_run_once`.
 *
 * The keys live in two arrays of their own, beside the handles: sifting compares numbers
 * stored next to each other instead of following a pointer to a handle somewhere in the
 * heap for every comparison — with a million timers that is most of the difference.
 *
 * @module
 */
import type { TimerHandle } from './handle.ts';

/** A min-heap on `(when, seq)`: O(log n) push and pop, O(1) peek. */
export class TimerHeap {
  #items: TimerHandle[] = [];
  #when: number[] = [];
  #seq: number[] = [];

  get size(): number {
    return this.#items.length;
  }

  /** The earliest timer, or undefined. */
  peek(): TimerHandle | undefined {
    return this.#items[0];
  }

  push(timer: TimerHandle): void {
    const items = this.#items;
    const whens = this.#when;
    const seqs = this.#seq;
    const when = timer.when;
    const seq = timer.seq;
    let i = items.length;
    items.push(timer);
    whens.push(when);
    seqs.push(seq);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pw = whens[parent]!;
      if (pw < when || (pw === when && seqs[parent]! < seq)) break;
      items[i] = items[parent]!;
      whens[i] = pw;
      seqs[i] = seqs[parent]!;
      i = parent;
    }
    items[i] = timer;
    whens[i] = when;
    seqs[i] = seq;
  }

  /** Removes and returns the earliest timer; call only when `size > 0`. */
  pop(): TimerHandle {
    const items = this.#items;
    const top = items[0]!;
    const last = items.pop()!;
    const lastWhen = this.#when.pop()!;
    const lastSeq = this.#seq.pop()!;
    if (items.length > 0) this.#siftDown(0, last, lastWhen, lastSeq);
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
    this.#when = kept.map((t) => t.when);
    this.#seq = kept.map((t) => t.seq);
    for (let i = (kept.length >> 1) - 1; i >= 0; i--) this.#siftDown(i, kept[i]!, this.#when[i]!, this.#seq[i]!);
  }

  /** A copy of the timers in `(when, seq)` order (for traces; O(n log n)). */
  sorted(): TimerHandle[] {
    return [...this.#items].sort((a, b) => a.when - b.when || a.seq - b.seq);
  }

  clear(): TimerHandle[] {
    const items = this.#items;
    this.#items = [];
    this.#when = [];
    this.#seq = [];
    return items;
  }

  #siftDown(start: number, timer: TimerHandle, when: number, seq: number): void {
    const items = this.#items;
    const whens = this.#when;
    const seqs = this.#seq;
    const n = items.length;
    let i = start;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let cw = whens[child]!;
      const right = child + 1;
      if (right < n) {
        const rw = whens[right]!;
        if (rw < cw || (rw === cw && seqs[right]! < seqs[child]!)) {
          child = right;
          cw = rw;
        }
      }
      if (when < cw || (when === cw && seq < seqs[child]!)) break;
      items[i] = items[child]!;
      whens[i] = cw;
      seqs[i] = seqs[child]!;
      i = child;
    }
    items[i] = timer;
    whens[i] = when;
    seqs[i] = seq;
  }
}
