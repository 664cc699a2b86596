// Wrong: a stack, not a queue — the callback queued last runs first.

export interface Handle {
  /** Keeps the callback from running, if it has not run yet. */
  cancel(): void;
  readonly cancelled: boolean;
}

class Entry implements Handle {
  cancelled = false;
  readonly callback: () => void;

  constructor(callback: () => void) {
    this.callback = callback;
  }

  cancel(): void {
    this.cancelled = true;
  }
}

export class ReadyQueue {
  // An array with a moving head: push and take are O(1). `Array.shift()` would move every
  // remaining element on each take — O(n) per callback on a long queue.
  #items: (Entry | undefined)[] = [];
  #head = 0;

  get length(): number {
    return this.#items.length - this.#head;
  }

  callSoon(callback: () => void): Handle {
    if (typeof callback !== 'function') throw new TypeError(`callSoon(callback): callback must be a function, got ${typeof callback}`);
    const entry = new Entry(callback);
    this.#items.push(entry);
    return entry;
  }

  /** Runs callbacks in FIFO order until the queue is empty (also those queued meanwhile); returns how many ran. */
  runAll(): number {
    let ran = 0;
    while (this.#items.length > 0) {
      const entry = this.#items.pop()!;
      if (entry.cancelled) continue;
      entry.callback();
      ran++;
    }
    this.#items = [];
    this.#head = 0;
    return ran;
  }
}
