// Lock: waiters get the lock in the order they asked; a late task does not overtake them.
import { getRunningLoop } from '../event-loop.ts';
import type { Coroutine } from '../future.ts';
import { gather } from '../gather.ts';
import { Lock } from '../lock.ts';
import { sleep } from '../sleep.ts';

function* user(name: string, lock: Lock, hold: number, print: (line: string) => void): Coroutine<void> {
  print(`${name} asks`);
  yield* lock.acquire();
  try {
    print(`${name} holds`);
    for (let i = 0; i < hold; i++) yield sleep(0);
  } finally {
    lock.release();
  }
  print(`${name} released`);
}

export function* main(print: (line: string) => void): Coroutine<void> {
  const loop = getRunningLoop();
  const lock = new Lock();
  const tasks = ['a', 'b', 'c'].map((name) => loop.createTask(user(name, lock, 2, print)));
  yield sleep(0);
  yield sleep(0);
  yield sleep(0);
  const late = loop.createTask(user('late', lock, 0, print));
  yield* gather(...tasks, late);
  print(`locked at the end: ${lock.locked()}`);
}
