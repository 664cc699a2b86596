// Wrong: put() wakes the getter that came last, not the one that waited longest.

import { Future } from '../lib/mini-loop.ts';
import type { Coroutine, MiniLoop } from '../lib/mini-loop.ts';

function wakeFirst(waiters: Future<void>[]): void {
  while (waiters.length > 0) {
    const waiter = waiters.pop()!;
    if (!waiter.done()) {
      waiter.setResult(undefined);
      return;
    }
  }
}

export class LoopQueue<T> {
  readonly #loop: MiniLoop;
  readonly #maxSize: number;
  readonly #items: T[] = [];
  readonly #getters: Future<void>[] = [];
  readonly #putters: Future<void>[] = [];

  constructor(loop: MiniLoop, maxSize = 0) {
    if (!Number.isInteger(maxSize) || maxSize < 0) throw new RangeError(`LoopQueue(loop, maxSize): maxSize must be an integer ≥ 0 (0 = unbounded), got ${maxSize}`);
    this.#loop = loop;
    this.#maxSize = maxSize;
  }

  get size(): number {
    return this.#items.length;
  }

  #full(): boolean {
    return this.#maxSize > 0 && this.#items.length >= this.#maxSize;
  }

  *put(item: T): Coroutine<void> {
    while (this.#full()) {
      const putter = new Future<void>(this.#loop);
      this.#putters.push(putter);
      yield putter;
    }
    this.#items.push(item);
    wakeFirst(this.#getters);
  }

  *get(): Coroutine<T> {
    while (this.#items.length === 0) {
      const getter = new Future<void>(this.#loop);
      this.#getters.push(getter);
      yield getter;
    }
    const item = this.#items.shift()!;
    wakeFirst(this.#putters);
    return item;
  }
}
