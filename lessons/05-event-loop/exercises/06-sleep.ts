// sleep(loop, ms): a Future (../lib/mini-loop.ts) that becomes done — with the result
// undefined — `ms` later on the loop's clock. A task suspends on it with `yield sleep(loop, ms)`.
// ms must be a number (TypeError otherwise), ≥ 0 and finite (RangeError otherwise).
// If the future was cancelled before the time is up, the timer must leave it alone.
import { Future } from '../lib/mini-loop.ts';
import type { MiniLoop } from '../lib/mini-loop.ts';

export function sleep(loop: MiniLoop, ms: number): Future<void> {
  // TODO: a future, and a timer that sets its result
  void Future;
  throw new Error(`Not implemented: sleep (${loop.time()}, ${ms})`);
}
