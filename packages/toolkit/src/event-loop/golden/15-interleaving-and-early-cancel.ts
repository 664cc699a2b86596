// Two tasks that give way with sleep(0) take turns; a task cancelled before its first step never runs.
import { getRunningLoop } from '../event-loop.ts';
import type { Coroutine } from '../future.ts';
import { gather } from '../gather.ts';
import { sleep } from '../sleep.ts';

function* counter(name: string, n: number, print: (line: string) => void): Coroutine<string> {
  for (let i = 0; i < n; i++) {
    print(`${name} ${i}`);
    yield sleep(0);
  }
  return name;
}

export function* main(print: (line: string) => void): Coroutine<void> {
  const early = getRunningLoop().createTask((function* (): Coroutine<void> {
    print('never runs');
  })());
  early.cancel();
  const results = yield* gather(counter('a', 3, print), counter('b', 2, print));
  print(`results ['${results.join("', '")}']`);
  print(`early cancelled: ${early.cancelled()}`);
}
