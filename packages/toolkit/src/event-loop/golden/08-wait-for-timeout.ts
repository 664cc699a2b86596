// waitFor: on timeout the awaited task is cancelled and waitFor waits until it has finished.
import type { Coroutine } from '../future.ts';
import { sleep } from '../sleep.ts';
import { waitFor } from '../wait-for.ts';

function* work(name: string, ms: number, print: (line: string) => void): Coroutine<string> {
  try {
    yield sleep(ms);
    print(`${name} finished`);
    return name;
  } finally {
    print(`${name} finally`);
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'TimeoutError';
}

export function* main(print: (line: string) => void): Coroutine<void> {
  print(`quick result: ${yield* waitFor(work('quick', 10, print), 50)}`);
  try {
    yield* waitFor(work('slow', 1000, print), 10);
  } catch (error) {
    if (isTimeout(error)) print('slow timed out');
  }
  try {
    yield* waitFor(work('instant', 1000, print), 0);
  } catch (error) {
    if (isTimeout(error)) print('instant timed out');
  }
}
