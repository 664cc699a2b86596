// A loop-native queue: tasks hand items to each other without locks, with futures only.
//
// Inside a task: `yield* queue.put(item)` and `const item = yield* queue.get()`.
//   - get() on an empty queue parks a Future (../lib/mini-loop.ts) in a list of getters and
//     yields it; put() wakes the first parked getter (setResult on its future). Woken
//     getters are served first come, first served.
//   - with maxSize > 0, put() on a full queue parks a future in a list of putters the same
//     way; get() wakes the first one.
//   - a woken task checks again before it takes or adds (use `while`, not `if`).
// maxSize must be an integer ≥ 0 (RangeError otherwise); 0 means unbounded. `size` is
// the number of items in the queue.
import { Future } from '../lib/mini-loop.ts';
import type { Coroutine, MiniLoop } from '../lib/mini-loop.ts';

export class LoopQueue<T> {
  constructor(loop: MiniLoop, maxSize = 0) {
    // TODO
    void loop;
    void maxSize;
    void Future;
  }

  get size(): number {
    // TODO
    throw new Error('Not implemented: size');
  }

  *put(item: T): Coroutine<void> {
    // TODO
    throw new Error(`Not implemented: put (${String(item)})`);
  }

  *get(): Coroutine<T> {
    // TODO
    throw new Error('Not implemented: get');
  }
}
