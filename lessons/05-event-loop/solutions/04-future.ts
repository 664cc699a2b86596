// A future: a result that will exist later. Its done-callbacks are *scheduled* with the
// loop's callSoon when it settles — never called inline. So the code that calls
// setResult() always finishes its own step before anyone reacts, whatever the callbacks
// do: no surprise re-entrancy, and one order on every run. asyncio's Future does the same
// (`__schedule_callbacks`); a JavaScript promise does it with the microtask queue.

export interface Scheduler {
  callSoon(callback: () => void): unknown;
}

type State = 'pending' | 'fulfilled' | 'rejected';

export class Future<T> {
  readonly #loop: Scheduler;
  #state: State = 'pending';
  #value: T | undefined;
  #error: unknown;
  #callbacks: ((future: Future<T>) => void)[] = [];

  constructor(loop: Scheduler) {
    this.#loop = loop;
  }

  done(): boolean {
    return this.#state !== 'pending';
  }

  result(): T {
    if (this.#state === 'fulfilled') return this.#value as T;
    if (this.#state === 'rejected') throw this.#error;
    throw new Error('result(): the future is not done yet');
  }

  setResult(value: T): void {
    this.#settle('fulfilled', value, undefined);
  }

  setException(error: unknown): void {
    this.#settle('rejected', undefined, error);
  }

  addDoneCallback(callback: (future: Future<T>) => void): void {
    if (this.#state === 'pending') this.#callbacks.push(callback);
    else this.#loop.callSoon(() => callback(this)); // done already: still scheduled, never inline
  }

  #settle(state: State, value: T | undefined, error: unknown): void {
    if (this.#state !== 'pending') throw new Error(`the future is already ${this.#state}`);
    this.#state = state;
    this.#value = value;
    this.#error = error;
    const callbacks = this.#callbacks;
    this.#callbacks = [];
    for (const callback of callbacks) this.#loop.callSoon(() => callback(this));
  }
}
