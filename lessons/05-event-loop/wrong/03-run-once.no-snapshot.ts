// Wrong: no snapshot. runOnce() keeps running until the ready queue is empty, so callbacks
// scheduled during the iteration run in it too, and a callback that reschedules itself
// starves every timer.
import { RefTimerHeap } from '../lib/timer-heap.ts';

export interface Handle {
  cancel(): void;
}

interface Entry {
  cancelled: boolean;
  readonly callback: () => void;
}

function handleOf(entry: Entry): Handle {
  return {
    cancel: () => {
      entry.cancelled = true;
    },
  };
}

export class MiniLoop {
  #now = 0;
  #ready: Entry[] = [];
  readonly #timers = new RefTimerHeap();

  time(): number {
    return this.#now;
  }

  callSoon(callback: () => void): Handle {
    const entry: Entry = { cancelled: false, callback };
    this.#ready.push(entry);
    return handleOf(entry);
  }

  callLater(ms: number, callback: () => void): Handle {
    if (typeof ms !== 'number' || Number.isNaN(ms)) throw new TypeError(`callLater(ms, callback): ms must be a number, got ${String(ms)}`);
    return handleOf(this.#timers.push(this.#now + Math.max(0, ms), callback));
  }

  runOnce(): void {
    const timers = this.#timers;
    while (timers.size > 0 && timers.peek()!.cancelled) timers.pop(); // dropped lazily
    if (this.#ready.length === 0 && timers.size > 0) this.#now = Math.max(this.#now, timers.peek()!.when);
    while (timers.size > 0 && timers.peek()!.when <= this.#now) {
      const timer = timers.pop()!;
      if (!timer.cancelled) this.#ready.push(timer);
    }
    while (this.#ready.length > 0) {
      const entry = this.#ready.shift()!;
      if (!entry.cancelled) entry.callback();
    }
  }
}
