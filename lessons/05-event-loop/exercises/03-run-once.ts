// One iteration of an asyncio-style loop, with a virtual clock.
//
// time() starts at 0. callSoon(cb) queues a callback; callLater(ms, cb) sets a timer due
// at time() + ms (use RefTimerHeap from ../lib/timer-heap.ts: its timers have a
// `cancelled` flag). Both return a handle whose cancel() keeps the callback from running.
// runOnce() is one iteration:
//   1. if nothing is ready, jump the clock to the earliest timer that is not cancelled;
//   2. move every timer due by now (when ≤ time()) to the ready queue, earliest first;
//   3. run the callbacks that were ready when this step began, in order. Callbacks they
//      schedule wait for the next runOnce().
import { RefTimerHeap } from '../lib/timer-heap.ts';

export interface Handle {
  cancel(): void;
}

export class MiniLoop {
  readonly timers = new RefTimerHeap();

  time(): number {
    // TODO
    throw new Error('Not implemented: time');
  }

  callSoon(callback: () => void): Handle {
    // TODO
    throw new Error(`Not implemented: callSoon (${typeof callback})`);
  }

  callLater(ms: number, callback: () => void): Handle {
    // TODO
    throw new Error(`Not implemented: callLater (${ms}, ${typeof callback})`);
  }

  runOnce(): void {
    // TODO: the three steps above
    throw new Error('Not implemented: runOnce');
  }
}
