// A future's done-callbacks are scheduled when it is settled, never called inline.
import { InvalidStateError } from '../../coordination/errors.ts';
import { getRunningLoop } from '../event-loop.ts';
import type { Coroutine } from '../future.ts';
import { sleep } from '../sleep.ts';

export function* main(print: (line: string) => void): Coroutine<void> {
  const loop = getRunningLoop();
  const future = loop.createFuture<number>();
  future.addDoneCallback((f) => print(`cb1 sees ${f.result()}`));
  future.addDoneCallback((f) => print(`cb2 sees ${f.result()}`));
  const task = loop.createTask((function* () {
    print(`waiter got ${yield* future}`);
  })());
  yield sleep(0);
  future.setResult(42);
  print('set_result returned');
  future.addDoneCallback(() => print('cb3, added after done'));
  print('before yielding to the loop');
  yield* task;
  try {
    future.setResult(1);
  } catch (error) {
    if (error instanceof InvalidStateError) print('second set_result: InvalidStateError');
  }
}
