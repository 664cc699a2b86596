// Semaphore(2): at most two jobs at once; the others get permits in FIFO order.
import type { Coroutine } from '../future.ts';
import { gather } from '../gather.ts';
import { Semaphore } from '../semaphore.ts';
import { sleep } from '../sleep.ts';

function* job(name: string, sem: Semaphore, ms: number, print: (line: string) => void): Coroutine<void> {
  print(`${name} waits`);
  yield* sem.acquire();
  try {
    print(`${name} runs`);
    yield sleep(ms);
    print(`${name} done`);
  } finally {
    sem.release();
  }
}

export function* main(print: (line: string) => void): Coroutine<void> {
  const sem = new Semaphore(2);
  yield* gather(job('j1', sem, 30, print), job('j2', sem, 10, print), job('j3', sem, 10, print), job('j4', sem, 10, print));
  print(`locked at the end: ${sem.locked()}`);
}
