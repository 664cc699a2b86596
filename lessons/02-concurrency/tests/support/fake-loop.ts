// A stand-in event loop for tests: `yieldToLoop()` returns a promise that stays pending
// until the test runs the loop, which then fires one "timer" per pending yield. Everything
// is counted; nothing depends on how fast the machine is.

/** Lets every pending microtask (and the promise jobs they queue) run. */
export function flushMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class FakeLoop {
  firings = 0;
  #pending: Array<{ resolve: () => void; timer?: () => void }> = [];

  /** What the code under test awaits between chunks. */
  yieldToLoop(timer?: () => void): Promise<void> {
    return new Promise((resolve) => this.#pending.push({ resolve, ...(timer ? { timer } : {}) }));
  }

  settleMicrotasks(): Promise<void> {
    return flushMicrotasks();
  }

  /** Fires timers and resolves yields until `done` settles; fails with `stuck` when nothing is left to run. */
  async runUntilSettled(done: Promise<unknown>, stuck: string): Promise<void> {
    let settled = false;
    const watched = done.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (let idle = 0; !settled; ) {
      await flushMicrotasks();
      const next = this.#pending.shift();
      if (next) {
        idle = 0;
        this.firings++;
        next.timer?.();
        next.resolve();
      } else if (++idle > 3 && !settled) {
        throw new Error(stuck);
      }
    }
    await watched;
    await done;
  }
}
