// Wrong: timers kept in the order they were set, ignoring their deadlines.
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
    this.#items.push(timer);
    return timer;
  }

  peek(): Timer | undefined {
    return this.#items[0];
  }

  pop(): Timer | undefined {
    return this.#items.shift();
  }
}
