// One iteration of an asyncio-style loop, with a virtual clock. runOnce():
// 1. if nothing is ready, jump the clock to the earliest timer (a real loop would sleep
//    until then, waiting for I/O);
// 2. move every timer that is due to the ready queue, earliest first;
// 3. run the callbacks that are ready *now* — a snapshot. Callbacks they schedule wait for
//    the next iteration. That rule is what keeps a callback that reschedules itself from
//    starving timers and I/O: CPython's _run_once counts `ntodo = len(self._ready)` first.
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
    const todo = this.#ready; // the snapshot
    this.#ready = [];
    for (const entry of todo) if (!entry.cancelled) entry.callback();
  }
}
