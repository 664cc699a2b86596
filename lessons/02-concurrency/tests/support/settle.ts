// Forced schedules for async code: the test decides when each awaited thing resolves, lets
// the event loop run what is ready (no wall time), and looks at which promises settled.
import { flushMicrotasks } from './fake-loop.ts';

export type PromiseState<T> = { state: 'pending' } | { state: 'fulfilled'; value: T } | { state: 'rejected'; reason: unknown };

/** Watches a promise so its state can be read synchronously later. */
export function watch<T>(promise: Promise<T>): { readonly now: PromiseState<T> } {
  let now: PromiseState<T> = { state: 'pending' };
  promise.then(
    (value) => (now = { state: 'fulfilled', value }),
    (reason: unknown) => (now = { state: 'rejected', reason }),
  );
  return {
    get now() {
      return now;
    },
  };
}

/** Lets everything that is ready run: a few turns of the real event loop (setImmediate), no timers. */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await flushMicrotasks();
}
