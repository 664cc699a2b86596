// sleep is a future plus a timer: callLater sets the future's result when the time is up.
// The task that yields it is suspended meanwhile and costs nothing; the loop runs others.
// asyncio.sleep is this (plus cancelling the timer when the sleeper is cancelled).
import { Future } from '../lib/mini-loop.ts';
import type { MiniLoop } from '../lib/mini-loop.ts';

export function sleep(loop: MiniLoop, ms: number): Future<void> {
  if (typeof ms !== 'number' || Number.isNaN(ms)) throw new TypeError(`sleep(loop, ms): ms must be a number, got ${String(ms)}`);
  if (ms < 0 || !Number.isFinite(ms)) throw new RangeError(`sleep(loop, ms): ms must be ≥ 0 and finite, got ${ms}`);
  const future = new Future<void>(loop);
  loop.callLater(ms, () => {
    if (!future.done()) future.setResult(undefined); // it may have been cancelled meanwhile
  });
  return future;
}
