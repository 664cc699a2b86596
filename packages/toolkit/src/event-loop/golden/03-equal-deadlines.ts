// Timers due at the same moment run in the order they were set (ties broken by sequence).
import { getRunningLoop } from '../event-loop.ts';
import type { Coroutine } from '../future.ts';

export function* main(print: (line: string) => void): Coroutine<void> {
  const loop = getRunningLoop();
  const done = loop.createFuture<void>();
  const when = loop.time() + 10;
  loop.callAt(when, () => print('tie A'));
  loop.callAt(when, () => print('tie B'));
  loop.callAt(when, () => {
    print('tie C');
    done.setResult();
  });
  yield done;
  print('main done');
}
