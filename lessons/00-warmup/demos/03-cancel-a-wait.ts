/** Cancelling a wait with an AbortSignal: how fast it ends, what it rejects with, and what a forgotten listener costs. */
// Run: pnpm lesson 0 demo cancel   (or: npx tsx demos/03-cancel-a-wait.ts)
import { getEventListeners, setMaxListeners } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A garbage collector we can call, so the heap figures below count only what is still
// reachable (the usual trick to get `gc` without starting node with --expose-gc).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
async function gc(): Promise<void> {
  // Twice, with a turn of the event loop between: some memory (weakly held parts of
  // signals) is only released by a second collection.
  collect();
  await new Promise((resolve) => setImmediate(resolve));
  collect();
}

// Two versions of a cancellable sleep that differ in one line: whether the 'abort'
// listener is removed when the time is up. (Exercise 4 asks for the tidy one.)
function sleep(ms: number, signal: AbortSignal, tidy: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      if (tidy) signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

// 1. A 5-second wait, cancelled by a signal that times out after 100 ms.
{
  const started = performance.now();
  try {
    await sleep(5000, AbortSignal.timeout(100), true);
  } catch (reason) {
    const error = reason as Error;
    console.log(`A 5000 ms sleep with AbortSignal.timeout(100) rejected after ${(performance.now() - started).toFixed(1)} ms`);
    console.log(`with signal.reason: ${error.name} — "${error.message}"`);
    // The 5-second timer was cleared, so nothing is left that would keep the program alive.
    const timers = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    console.log(`timers still scheduled: ${timers}\n`);
  }
}

// 2. Many short sleeps on one long-lived signal (say, the server's "shutting down" signal).
const SLEEPS = 10_000;
console.log(`${SLEEPS.toLocaleString('en')} sleeps of 1 ms, all on one signal that never aborts:\n`);
console.log(`${'version'.padEnd(34)}${"'abort' listeners left".padStart(24)}${'heap kept'.padStart(14)}`);
for (const tidy of [false, true]) {
  const shutdown = new AbortController();
  // The warning Node prints past 10 listeners would drown the table; the count says it all.
  setMaxListeners(0, shutdown.signal);
  await gc();
  const before = process.memoryUsage().heapUsed;
  await Promise.all(Array.from({ length: SLEEPS }, () => sleep(1, shutdown.signal, tidy)));
  await gc();
  const grown = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  const label = tidy ? 'removes its listener (tidy)' : 'relies on { once: true } (leaky)';
  console.log(`${label.padEnd(34)}${String(getEventListeners(shutdown.signal, 'abort').length).padStart(24)}${`${grown.toFixed(1)} MB`.padStart(14)}`);
}
console.log(
  "\n`once: true` removes a listener only when it fires. A sleep that ends normally must remove its own,\n" +
    'or every one of them — with the closure it holds — lives as long as the signal does.',
);
