/** The order in which plain code, promise callbacks and timers run — what "later" means for a promise. */
// Run: pnpm lesson 0 demo what-runs-when   (or: npx tsx demos/02-what-runs-when.ts)
const log: Array<{ what: string; queue: string }> = [];
const note = (what: string, queue: string): void => {
  log.push({ what, queue });
};

note('script starts', 'plain code');

setTimeout(() => note('setTimeout(…, 0) callback', 'timer'), 0);

const settled = Promise.resolve('already resolved');
settled.then(() => note('.then on an already-resolved promise', 'microtask'));

new Promise<void>((resolve) => {
  note('new Promise executor', 'plain code — runs at once, inside the constructor');
  resolve();
}).then(() => note('.then of that promise', 'microtask'));

async function task(): Promise<void> {
  note('async function, up to its first await', 'plain code — the call runs it at once');
  await null;
  note('async function, after `await null`', 'microtask');
}
void task();

queueMicrotask(() => note('queueMicrotask callback', 'microtask'));
note('script ends', 'plain code');

// Print once everything above has run: a timer of 20 ms comes after all of it.
setTimeout(() => {
  console.log('What ran, in order:\n');
  console.log(`${'#'.padStart(2)}  ${'what'.padEnd(42)}  queue`);
  log.forEach((entry, i) => console.log(`${String(i + 1).padStart(2)}  ${entry.what.padEnd(42)}  ${entry.queue}`));
  console.log(
    '\nAll plain code first — even the parts inside `new Promise(…)` and before the first `await`.\n' +
      'Then every promise callback (microtasks), before any timer, even a timer of 0 ms.\n' +
      'A promise callback never runs in the middle of your code, even when the promise is already resolved.',
  );
}, 20);
