/**
 * `LifoQueue`: a {@link Queue} that hands out the newest item first (asyncio's `LifoQueue`).
 *
 * @module
 */
import { Queue } from './queue.ts';
import type { QueueOptions, QueueStore } from './queue.ts';

/**
 * A stack with a {@link Queue}'s API and semantics (backpressure, `taskDone`/`join`,
 * `shutdown`, `{ signal }` on every wait): `get()` takes the item put last.
 *
 * @example
 * ```ts
 * import { LifoQueue } from '@interleave/toolkit';
 * const stack = new LifoQueue<string>();
 * for (const page of ['home', 'docs', 'api']) await stack.put(page);
 * console.log(await stack.get(), await stack.get()); // 'api' 'docs'
 * ```
 */
export class LifoQueue<T> extends Queue<T> {
  /** @param options as for {@link Queue}. */
  constructor(options?: QueueOptions) {
    super(options);
  }

  protected override createStore(): QueueStore<T> {
    const items: T[] = [];
    return {
      get size() {
        return items.length;
      },
      push(item) {
        items.push(item);
      },
      shift() {
        return items.pop() as T;
      },
      clear() {
        items.length = 0;
      },
    };
  }
}
