// A task that catches CancelledError and carries on is not cancelled.
import { CancelledError } from '../../coordination/errors.ts';
import { getRunningLoop } from '../event-loop.ts';
import type { Coroutine } from '../future.ts';
import { sleep } from '../sleep.ts';

function* stubborn(print: (line: string) => void): Coroutine<string> {
  try {
    yield sleep(10_000);
  } catch (error) {
    if (!(error instanceof CancelledError)) throw error;
    print('stubborn caught CancelledError, carries on');
  }
  yield sleep(10);
  print('stubborn finishes');
  return 'kept going';
}

export function* main(print: (line: string) => void): Coroutine<void> {
  const task = getRunningLoop().createTask(stubborn(print));
  yield sleep(10);
  task.cancel();
  const result = yield* task;
  print(`result: ${result}`);
  print(`cancelled: ${task.cancelled()}`);
  print(`cancelling: ${task.cancelling()}`);
}
