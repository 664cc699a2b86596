// Tasks that start tasks: a child runs only when the loop gets to its first step.
import { getRunningLoop } from '../event-loop.ts';
import type { Coroutine } from '../future.ts';
import { sleep } from '../sleep.ts';

function* leaf(name: string, ms: number, print: (line: string) => void): Coroutine<string> {
  print(`${name} starts`);
  yield sleep(ms);
  print(`${name} ends`);
  return name;
}

const list = (items: readonly string[]): string => `['${items.join("', '")}']`;

function* branch(name: string, print: (line: string) => void): Coroutine<string[]> {
  const loop = getRunningLoop();
  print(`${name} starts`);
  const kids = [1, 2].map((i) => loop.createTask(leaf(`${name}.${i}`, 10 * i, print)));
  print(`${name} created its children`);
  const results: string[] = [];
  for (const kid of [...kids].reverse()) results.push(yield* kid);
  print(`${name} ends with ${list(results)}`);
  return results;
}

export function* main(print: (line: string) => void): Coroutine<void> {
  const loop = getRunningLoop();
  const left = loop.createTask(branch('L', print));
  const right = loop.createTask(branch('R', print));
  print('main created L and R');
  const r = yield* right;
  const l = yield* left;
  print(`main got ${list(r)} then ${list(l)}`);
}
