// Timers on a binary min-heap: the earliest deadline is always at index 0, and push and
// pop cost O(log n) however many timers wait. The key is (when, seq): `seq` counts pushes,
// so timers due at the same moment come out in the order they were set. Without it a
// heap is not stable — equal keys come out in an order that depends on the heap's shape.

export interface Timer {
  readonly when: number;
  readonly seq: number;
  readonly callback: () => void;
}

function before(a: Timer, b: Timer): boolean {
  return a.when < b.when || (a.when === b.when && a.seq < b.seq);
}

export class TimerHeap {
  // items[i]'s children are items[2i+1] and items[2i+2]; each parent is before its children.
  #items: Timer[] = [];
  #seq = 0;

  get size(): number {
    return this.#items.length;
  }

  push(when: number, callback: () => void): Timer {
    if (typeof when !== 'number' || Number.isNaN(when)) throw new TypeError(`push(when, callback): when must be a number, got ${String(when)}`);
    const timer: Timer = { when, seq: this.#seq++, callback };
    const items = this.#items;
    let i = items.push(timer) - 1;
    // Sift up: move parents down until the new timer's parent is before it.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(timer, items[parent]!)) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = timer;
    return timer;
  }

  peek(): Timer | undefined {
    return this.#items[0];
  }

  pop(): Timer | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    // Sift down: the last timer drops from the root until both children come after it.
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= items.length) break;
      if (child + 1 < items.length && before(items[child + 1]!, items[child]!)) child++;
      if (!before(items[child]!, last)) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = last;
    return top;
  }
}
