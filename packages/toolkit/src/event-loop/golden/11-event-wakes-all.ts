// Event.set() wakes every waiter, in order; wait() on a set event returns at once.
import { Event } from '../event.ts';
import { getRunningLoop } from '../event-loop.ts';
import type { Coroutine } from '../future.ts';
import { gather } from '../gather.ts';
import { sleep } from '../sleep.ts';

function* waiter(name: string, event: Event, print: (line: string) => void): Coroutine<void> {
  print(`${name} waits`);
  yield* event.wait();
  print(`${name} woke`);
}

export function* main(print: (line: string) => void): Coroutine<void> {
  const loop = getRunningLoop();
  const event = new Event();
  const tasks = ['w1', 'w2', 'w3'].map((name) => loop.createTask(waiter(name, event, print)));
  yield sleep(10);
  print('set');
  event.set();
  print(`is_set: ${event.isSet()}`);
  yield* gather(...tasks);
  yield* waiter('after set', event, print);
  event.clear();
  const late = loop.createTask(waiter('after clear', event, print));
  yield sleep(10);
  print('set again');
  event.set();
  yield* late;
}
