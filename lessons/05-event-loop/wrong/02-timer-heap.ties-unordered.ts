// Wrong: a correct heap on `when` alone. Timers due at the same moment come out in an
// order that depends on the heap's shape, not the order they were set.
export interface Timer {
  readonly when: number;
  readonly seq: number;
  readonly callback: () => void;
}

export class TimerHeap {
  #items: Timer[] = [];
  #seq = 0;

  get size(): number {
    return this.#items.length;
  }

  push(when: number, callback: () => void): Timer {
    const timer = { when, seq: this.#seq++, callback };
    const items = this.#items;
    let i = items.push(timer) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!(timer.when < items[parent]!.when)) break;
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
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= items.length) break;
      if (child + 1 < items.length && !(items[child]!.when < items[child + 1]!.when)) child++;
      if (!(items[child]!.when < last.when)) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = last;
    return top;
  }
}
