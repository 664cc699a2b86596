/**
 * The loop's timer heap: the {@link TimerHandle}s waiting in an event loop, taken out in
 * `(when, seq)` order. Private to the event-loop folder. Cancelled timers stay in it until
 * they reach the top or the loop rebuilds it (`filter`), as in asyncio's `_run_once`.
 *
 * Two things make it cheaper than one heap entry per timer:
 *
 * - **Timers due at the same time share an entry.** Many timers often share a deadline (a
 *   virtual clock counts whole milliseconds; a hundred requests get the same timeout). A timer
 *   whose `when` equals that of the last timer set for the same `when` is linked behind it
 *   in a chain instead of sifting into the heap: O(1) in, O(1) out. `seq` only grows, so a
 *   chain is in `seq` order, and every timer of an older chain for the same `when` has a
 *   smaller `seq` than any of a newer one — the entry's key `(when, seq of its head)` keeps
 *   the order exact. The last timer of each chain is found through a small table indexed
 *   by `when` modulo its size; a collision only starts a new chain. Only whole-millisecond
 *   deadlines chain: a real clock's fractional ones hardly ever tie, and skip the table.
 * - **The keys live beside the entries** in arrays of their own, and the heap is 4-ary:
 *   sifting compares numbers stored next to each other (four children in one or two cache
 *   lines) instead of following a pointer to a handle for every comparison, and is half as
 *   deep as a binary heap.
 *
 * @module
 */
import { chainNext, setChainNext } from './handle.ts';
import type { TimerHandle } from './handle.ts';

/** Slots in the table of chain tails (a power of two). */
const TAILS = 256;
const TAIL_MASK = TAILS - 1;

/** A min-heap on `(when, seq)`: O(log k) push and pop for k distinct deadlines, O(1) for a timer that joins a chain; O(1) peek. */
export class TimerHeap {
  /** Heads of chains, in heap order. */
  #items: TimerHandle[] = [];
  #when: number[] = [];
  #seq: number[] = [];
  /** The last timer of a chain still in the heap, by `when` modulo the table size (see `push`). */
  #tails: (TimerHandle | undefined)[] = new Array<TimerHandle | undefined>(TAILS).fill(undefined);
  /** Their `when`s (NaN: an empty slot), so a miss costs no visit to a handle. */
  readonly #tailWhen = new Float64Array(TAILS).fill(NaN);
  #size = 0;

  /** How many timers it holds (cancelled ones included). */
  get size(): number {
    return this.#size;
  }

  /** The earliest timer, or undefined. */
  peek(): TimerHandle | undefined {
    return this.#items[0];
  }

  push(timer: TimerHandle): void {
    this.#size++;
    const when = timer.when;
    const whole = when | 0;
    if (whole === when) {
      // Only whole milliseconds chain: a real clock's fractional deadlines hardly ever tie.
      const slot = whole & TAIL_MASK;
      const tails = this.#tails;
      if (this.#tailWhen[slot] === when) {
        setChainNext(tails[slot]!, timer); // seq only grows: the chain stays in order
        tails[slot] = timer;
        return;
      }
      tails[slot] = timer;
      this.#tailWhen[slot] = when;
    }
    this.#insert(timer, when, timer.seq);
  }

  /** Removes and returns the earliest timer; call only when `size > 0`. */
  pop(): TimerHandle {
    this.#size--;
    const top = this.#items[0]!;
    const next = chainNext(top);
    if (next !== undefined) {
      // The rest of the chain is still the least entry: same `when`, the next `seq`, and
      // every other entry with that `when` started later. It takes the top in place.
      setChainNext(top, undefined);
      this.#items[0] = next;
      this.#seq[0] = next.seq;
      return top;
    }
    const slot = top.when & TAIL_MASK;
    if (this.#tails[slot] === top) {
      this.#tails[slot] = undefined;
      this.#tailWhen[slot] = NaN;
    }
    this.#removeTop();
    return top;
  }

  /** Keeps only the timers `keep` accepts and restores the heap in O(n). */
  filter(keep: (timer: TimerHandle) => boolean): void {
    const heads: TimerHandle[] = [];
    this.#tails.fill(undefined);
    this.#tailWhen.fill(NaN);
    let size = 0;
    for (const head of this.#items) {
      let first: TimerHandle | undefined;
      let last: TimerHandle | undefined;
      for (let timer: TimerHandle | undefined = head; timer !== undefined; ) {
        const next = chainNext(timer);
        setChainNext(timer, undefined);
        if (keep(timer)) {
          if (last === undefined) first = timer;
          else setChainNext(last, timer);
          last = timer;
          size++;
        }
        timer = next;
      }
      if (first !== undefined) heads.push(first);
    }
    this.#items = heads;
    this.#when = heads.map((t) => t.when);
    this.#seq = heads.map((t) => t.seq);
    this.#size = size;
    for (let i = (heads.length - 2) >> 2; i >= 0; i--) this.#siftDown(i, heads[i]!, this.#when[i]!, this.#seq[i]!);
  }

  /** A copy of the timers in `(when, seq)` order (for traces; O(n log n)). */
  sorted(): TimerHandle[] {
    return this.#all().sort((a, b) => a.when - b.when || a.seq - b.seq);
  }

  /** Empties the heap and returns what it held, in no particular order. */
  clear(): TimerHandle[] {
    const all = this.#all();
    for (const timer of all) setChainNext(timer, undefined);
    this.#items = [];
    this.#when = [];
    this.#seq = [];
    this.#tails.fill(undefined);
    this.#tailWhen.fill(NaN);
    this.#size = 0;
    return all;
  }

  #all(): TimerHandle[] {
    const all: TimerHandle[] = [];
    for (const head of this.#items) {
      for (let timer: TimerHandle | undefined = head; timer !== undefined; timer = chainNext(timer)) all.push(timer);
    }
    return all;
  }

  #insert(timer: TimerHandle, when: number, seq: number): void {
    const items = this.#items;
    const whens = this.#when;
    const seqs = this.#seq;
    let i = items.length;
    items.push(timer);
    whens.push(when);
    seqs.push(seq);
    while (i > 0) {
      const parent = (i - 1) >> 2;
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

  /**
   * Drops the top entry. Floyd's variant: the hole walks down to a leaf along the least
   * child (no comparison with the entry being placed), then the last entry, nearly always
   * among the latest deadlines, climbs back from there — usually no step or one.
   */
  #removeTop(): void {
    const items = this.#items;
    const whens = this.#when;
    const seqs = this.#seq;
    const last = items.pop()!;
    const lastWhen = whens.pop()!;
    const lastSeq = seqs.pop()!;
    const n = items.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      let child = first;
      let cw = whens[first]!;
      let cs = seqs[first]!;
      const end = first + 4 < n ? first + 4 : n;
      for (let c = first + 1; c < end; c++) {
        const w = whens[c]!;
        if (w < cw || (w === cw && seqs[c]! < cs)) {
          child = c;
          cw = w;
          cs = seqs[c]!;
        }
      }
      items[i] = items[child]!;
      whens[i] = cw;
      seqs[i] = cs;
      i = child;
    }
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pw = whens[parent]!;
      if (pw < lastWhen || (pw === lastWhen && seqs[parent]! < lastSeq)) break;
      items[i] = items[parent]!;
      whens[i] = pw;
      seqs[i] = seqs[parent]!;
      i = parent;
    }
    items[i] = last;
    whens[i] = lastWhen;
    seqs[i] = lastSeq;
  }

  #siftDown(start: number, timer: TimerHandle, when: number, seq: number): void {
    const items = this.#items;
    const whens = this.#when;
    const seqs = this.#seq;
    const n = items.length;
    let i = start;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      let child = first;
      let cw = whens[first]!;
      let cs = seqs[first]!;
      const end = first + 4 < n ? first + 4 : n;
      for (let c = first + 1; c < end; c++) {
        const w = whens[c]!;
        if (w < cw || (w === cw && seqs[c]! < cs)) {
          child = c;
          cw = w;
          cs = seqs[c]!;
        }
      }
      if (when < cw || (when === cw && seq < cs)) break;
      items[i] = items[child]!;
      whens[i] = cw;
      seqs[i] = cs;
      i = child;
    }
    items[i] = timer;
    whens[i] = when;
    seqs[i] = seq;
  }
}
