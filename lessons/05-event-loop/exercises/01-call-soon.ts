// A ready queue: callbacks waiting for their turn, first in, first out.
//
// callSoon(callback) queues a callback and returns a handle whose cancel() keeps it from
// running. runAll() runs the queued callbacks in the order they were queued — also those
// that a callback queues while runAll() is running — skips cancelled ones, and returns how
// many ran. `length` is how many are queued.

export interface Handle {
  /** Keeps the callback from running, if it has not run yet. */
  cancel(): void;
  readonly cancelled: boolean;
}

export class ReadyQueue {
  get length(): number {
    // TODO
    throw new Error('Not implemented: ReadyQueue.length');
  }

  callSoon(callback: () => void): Handle {
    // TODO: check the callback (TypeError naming it), queue it, return its handle
    throw new Error(`Not implemented: callSoon (${typeof callback})`);
  }

  runAll(): number {
    // TODO
    throw new Error('Not implemented: runAll');
  }
}
