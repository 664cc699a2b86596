// task.cancel() throws CancelledError into the task at the yield where it sleeps.
import { CancelledError } from '../../coordination/errors.ts';
import { getRunningLoop } from '../event-loop.ts';
import type { Coroutine } from '../future.ts';
import { sleep } from '../sleep.ts';

function* sleeper(print: (line: string) => void): Coroutine<void> {
  print('sleeper starts');
  try {
    yield sleep(10_000);
    print('sleeper woke (never)');
  } catch (error) {
    if (error instanceof CancelledError) print(`sleeper got CancelledError: ${error.message}`);
    throw error;
  } finally {
    print('sleeper finally');
  }
}

export function* main(print: (line: string) => void): Coroutine<void> {
  const task = getRunningLoop().createTask(sleeper(print));
  yield sleep(10);
  print(`cancel returns ${task.cancel('enough')}`);
  print(`cancelled right after cancel(): ${task.cancelled()}`);
  try {
    yield* task;
  } catch (error) {
    if (error instanceof CancelledError) print('main saw CancelledError');
  }
  print(`cancelled now: ${task.cancelled()}`);
  print(`cancel again returns ${task.cancel()}`);
}
