// An exception in a plain callback goes to the exception handler; the loop goes on.
import { getRunningLoop } from '../event-loop.ts';
import type { Coroutine } from '../future.ts';

class ValueError extends Error {
  override readonly name = 'ValueError';
}

export function* main(print: (line: string) => void): Coroutine<void> {
  const loop = getRunningLoop();
  loop.setExceptionHandler((context) => {
    const error = context.error as Error;
    print(`handler got ${error.name}: ${error.message}`);
  });
  const done = loop.createFuture<void>();
  loop.callSoon(() => print('before'));
  loop.callSoon(() => {
    throw new ValueError('bad callback');
  });
  loop.callSoon(() => print('after'));
  loop.callLater(10, () => done.setResult());
  yield done;
  print('main done');
}
