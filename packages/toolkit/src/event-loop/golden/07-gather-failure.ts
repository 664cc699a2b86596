// gather fails as soon as one child fails; the other children are not cancelled and go on.
import { getRunningLoop } from '../event-loop.ts';
import type { Coroutine } from '../future.ts';
import { gather } from '../gather.ts';
import { sleep } from '../sleep.ts';

function* fails(print: (line: string) => void): Coroutine<never> {
  yield sleep(10);
  print('fails raises');
  throw new Error('boom');
}

function* slow(print: (line: string) => void): Coroutine<string> {
  yield sleep(30);
  print('slow done');
  return 'slow';
}

function* after<T>(ms: number, value: T): Coroutine<T> {
  yield sleep(ms);
  return value;
}

export function* main(print: (line: string) => void): Coroutine<void> {
  const t = getRunningLoop().createTask(slow(print));
  try {
    yield* gather(fails(print), t);
  } catch (error) {
    print(`main caught ${(error as Error).message}`);
  }
  print(`slow cancelled: ${t.cancelled()}`);
  print(`slow result: ${yield* t}`);
  const both = yield* gather(after(10, 'x'), after(0, 'y'));
  print(`gather of results: ['${both.join("', '")}']`);
}
