// The snapshot rule: an iteration runs only the callbacks that were ready when it began.
// A callback scheduled meanwhile waits for the next iteration.
import { getRunningLoop } from '../event-loop.ts';
import type { Coroutine } from '../future.ts';

export function* main(print: (line: string) => void): Coroutine<void> {
  const loop = getRunningLoop();
  const done = loop.createFuture<void>();
  const chain = (n: number): void => {
    print(`chain ${n}`);
    if (n < 3) loop.callSoon(() => chain(n + 1));
    else done.setResult();
  };
  loop.callSoon(() => {
    print('first (iteration 1)');
    loop.callSoon(() => print('scheduled by first (iteration 2)'));
  });
  loop.callSoon(() => print('second (iteration 1)'));
  loop.callSoon(() => chain(1));
  yield done;
  print('main done');
}
