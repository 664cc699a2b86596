// Cancelling a task that waits for a future cancels that future too.
import { CancelledError } from '../../coordination/errors.ts';
import { getRunningLoop } from '../event-loop.ts';
import type { Coroutine, Future } from '../future.ts';
import { sleep } from '../sleep.ts';

function* waiter(future: Future<void>, print: (line: string) => void): Coroutine<void> {
  try {
    yield future;
  } catch (error) {
    if (error instanceof CancelledError) print('waiter got CancelledError');
    throw error;
  }
}

export function* main(print: (line: string) => void): Coroutine<void> {
  const loop = getRunningLoop();
  const future = loop.createFuture<void>();
  future.addDoneCallback((f) => print(`future callback: cancelled=${f.cancelled()}`));
  const task = loop.createTask(waiter(future, print));
  yield sleep(0);
  task.cancel();
  print(`future cancelled at once: ${future.cancelled()}`);
  try {
    yield* task;
  } catch (error) {
    if (error instanceof CancelledError) print('main saw CancelledError');
  }
}
