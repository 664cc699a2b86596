// A bounded queue between one producer and two consumers; join() returns once every item was done.
import { getRunningLoop } from '../event-loop.ts';
import type { Coroutine } from '../future.ts';
import { Queue } from '../queue.ts';
import { sleep } from '../sleep.ts';
import type { Task } from '../task.ts';

function* consumer(name: string, queue: Queue<number>, print: (line: string) => void): Coroutine<void> {
  for (;;) {
    const item = yield* queue.get();
    print(`${name} got ${item}`);
    yield sleep(0);
    queue.taskDone();
  }
}

/** Waits for every task to finish, whatever the outcome (gather with return_exceptions). */
function* settleAll(tasks: readonly Task<unknown>[]): Coroutine<void> {
  for (const task of tasks) {
    try {
      yield* task;
    } catch {
      // outcome ignored, as return_exceptions=True does
    }
  }
}

export function* main(print: (line: string) => void): Coroutine<void> {
  const loop = getRunningLoop();
  const queue = new Queue<number>({ maxSize: 2 });
  const consumers = ['c1', 'c2'].map((name) => loop.createTask(consumer(name, queue, print)) as Task<unknown>);
  for (let i = 0; i < 6; i++) {
    yield* queue.put(i);
    print(`put ${i} (size ${queue.size})`);
  }
  yield* queue.join();
  print('joined');
  for (const c of consumers) c.cancel();
  yield* settleAll(consumers);
  print('consumers stopped');
}
