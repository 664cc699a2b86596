// callSoon runs in FIFO order before any timer; timers run by deadline, not by the order
// they were set; callLater(0) is a timer, so it runs after the callbacks already ready.
import { getRunningLoop } from '../event-loop.ts';
import type { Coroutine } from '../future.ts';

export function* main(print: (line: string) => void): Coroutine<void> {
  const loop = getRunningLoop();
  const done = loop.createFuture<void>();
  loop.callLater(30, () => print('later 30'));
  loop.callLater(10, () => print('later 10'));
  loop.callLater(20, () => print('later 20'));
  loop.callLater(0, () => print('later 0'));
  loop.callSoon(() => print('soon 1'));
  loop.callSoon(() => print('soon 2'));
  loop.callLater(40, () => done.setResult());
  print('main waits');
  yield done;
  print('main done');
}
