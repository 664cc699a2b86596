/**
 * `PriorityQueue`: a {@link Queue} that hands out the smallest item first (asyncio's
 * `PriorityQueue`).
 *
 * @module
 */
import { Queue } from './queue.ts';
import type { QueueOptions, QueueStore } from './queue.ts';
import { describe } from '../internal/waiter-queue.ts';

/** Options of the {@link PriorityQueue} constructor. */
export interface PriorityQueueOptions<T> extends QueueOptions {
  /**
   * Orders the items: negative when `a` goes before `b` (like `Array.prototype.sort`).
   * Default: ascending by `<` (numbers, strings, bigints, dates).
   */
  readonly compare?: (a: T, b: T) => number;
}

function ascending(a: unknown, b: unknown): number {
  return (a as number) < (b as number) ? -1 : (b as number) < (a as number) ? 1 : 0;
}

interface Entry<T> {
  readonly item: T;
  readonly seq: number;
}

/**
 * A {@link Queue} whose `get()` takes the smallest item by `compare` — a binary heap,
 * O(log n) per put and get. Items that compare equal come out in the order they were put
 * (a sequence number breaks ties, which asyncio leaves to you).
 *
 * @example
 * ```ts
 * import { PriorityQueue } from '@interleave/toolkit';
 * type Job = { priority: number; name: string };
 * const jobs = new PriorityQueue<Job>({ compare: (a, b) => a.priority - b.priority });
 * jobs.tryPut({ priority: 2, name: 'backup' });
 * jobs.tryPut({ priority: 0, name: 'page the on-call' });
 * jobs.tryPut({ priority: 1, name: 'email' });
 * console.log((await jobs.get()).name); // 'page the on-call'
 * ```
 */
export class PriorityQueue<T> extends Queue<T> {
  /** @throws {TypeError} when `compare` is given and is not a function; see {@link Queue}. */
  constructor(options?: PriorityQueueOptions<T>) {
    const compare = options?.compare;
    if (compare !== undefined && typeof compare !== 'function') {
      throw new TypeError(`PriorityQueue: options.compare must be a function, got ${describe(compare)}`);
    }
    super(options);
  }

  protected override createStore(options: PriorityQueueOptions<T> | undefined): QueueStore<T> {
    const compare = options?.compare ?? ascending;
    const heap: Entry<T>[] = [];
    let seq = 0;
    const before = (a: Entry<T>, b: Entry<T>): boolean => {
      const order = compare(a.item, b.item);
      return order < 0 || (order === 0 && a.seq < b.seq);
    };
    return {
      get size() {
        return heap.length;
      },
      push(item) {
        const entry = { item, seq: seq++ };
        let i = heap.push(entry) - 1;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (!before(entry, heap[parent]!)) break;
          heap[i] = heap[parent]!;
          i = parent;
        }
        heap[i] = entry;
      },
      shift() {
        const top = heap[0]!;
        const last = heap.pop()!;
        if (heap.length > 0) {
          let i = 0;
          for (;;) {
            const left = 2 * i + 1;
            if (left >= heap.length) break;
            const right = left + 1;
            const child = right < heap.length && before(heap[right]!, heap[left]!) ? right : left;
            if (!before(heap[child]!, last)) break;
            heap[i] = heap[child]!;
            i = child;
          }
          heap[i] = last;
        }
        return top.item;
      },
      clear() {
        heap.length = 0;
      },
    };
  }
}
