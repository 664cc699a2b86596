// Inside an asyncio-style loop: the toolkit's EventLoop runs a small program and records
// every iteration — what was ready, what ran, which timer comes next. Then two
// measurements: a program that sleeps an hour on the virtual clock, and callSoon against
// Node's setImmediate. `--write-trace` saves the recorded run for the site's step-through.
//
//   pnpm lesson 5 demo inside-a-loop    (or: npx tsx demos/01-inside-a-loop.ts --write-trace)
import { mkdirSync, writeFileSync } from 'node:fs';
import { EventLoop, LoopRecorder, aio } from '@interleave/toolkit';
import { loadWarning, median, ms, table, times, traceRequested } from '@interleave/lesson-kit/demo';

process.stdout.write(loadWarning());

// 1. A program: two tasks, a timer, a callback — recorded step by step.
const recorder = new LoopRecorder();
const loop = new EventLoop({ recorder });
function* worker(name: string, ms: number): aio.Coroutine<string> {
  recorder.print(`${name} starts, sleeps ${ms} ms`);
  yield aio.sleep(ms);
  recorder.print(`${name} wakes at ${loop.time()} ms`);
  return name;
}
function* main(): aio.Coroutine<void> {
  loop.callLater(15, () => recorder.print('timer at 15 ms'), { label: 'timer 15 ms' });
  loop.callSoon(() => recorder.print('callSoon runs'), { label: 'print soon' });
  recorder.note('main scheduled a timer and a callback, and starts two tasks');
  const names = yield* aio.gather(loop.createTask(worker('a', 20), { name: 'a' }), loop.createTask(worker('b', 10), { name: 'b' }));
  recorder.print(`gather → ${names.join(', ')}`);
}
await loop.runUntilComplete(loop.createTask(main(), { name: 'main' }));
loop.close();

console.log('One run of the toolkit EventLoop, iteration by iteration (virtual clock):\n');
console.log(table(
  ['iteration', 'time', 'ready at start', 'ran', 'next timer'],
  recorder.iterations.map((i) => [i.iteration, ms(i.time), i.readyAtStart, i.ran.join(', '), i.nextTimer === undefined ? '—' : `${i.nextTimer.label} @ ${i.nextTimer.when} ms`]),
));
console.log(`\nOutput: ${recorder.output.join(' | ')}\n`);

// 2. Virtual time: an hour of sleeping, instantly.
{
  const started = performance.now();
  const hourLoop = new EventLoop();
  await hourLoop.runUntilComplete((function* () {
    yield aio.sleep(3_600_000);
  })());
  console.log(`A task that sleeps an hour on the virtual clock finished at loop time ${hourLoop.time()} ms after ${ms(performance.now() - started)} of real time.\n`);
}

// 3. callSoon chained 100,000 times, against setImmediate chained 100,000 times.
async function chainOurs(n: number): Promise<number> {
  const start = performance.now();
  const l = new EventLoop();
  let count = 0;
  const next = (): void => {
    if (++count < n) l.callSoon(next);
    else l.stop();
  };
  l.callSoon(next);
  await l.runForever();
  return performance.now() - start;
}
function chainImmediate(n: number): Promise<number> {
  const start = performance.now();
  let count = 0;
  return new Promise((resolve) => {
    const next = (): void => {
      if (++count < n) setImmediate(next);
      else resolve(performance.now() - start);
    };
    setImmediate(next);
  });
}
const N = 100_000;
const ours: number[] = [];
const node: number[] = [];
for (let i = 0; i < 5; i++) {
  ours.push(await chainOurs(N));
  node.push(await chainImmediate(N));
}
console.log(table(
  ['100,000 chained callbacks', 'median of 5', 'per callback'],
  [
    ['EventLoop.callSoon (virtual clock)', ms(median(ours)), `${((median(ours) * 1e6) / N).toFixed(0)} ns`],
    ['Node setImmediate', ms(median(node)), `${((median(node) * 1e6) / N).toFixed(0)} ns`],
  ],
));
console.log(`\ncallSoon is ${times(median(node) / median(ours))} as fast here: each setImmediate callback is one turn of libuv's loop (all its phases); a callSoon callback is one step of a JavaScript loop that never leaves the thread.`);

if (traceRequested()) {
  const dir = new URL('../traces/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL('two-sleepers.json', dir), `${JSON.stringify(recorder.toSteps('Two sleepers, a timer and a callback on the EventLoop'), null, 2)}\n`);
  console.log('Wrote traces/two-sleepers.json');
}
