// The programs of exercise 11: each prints lines in an order Node guarantees. Each runs
// as a CommonJS script (`node -e`), the way a plain `node script.js` runs.

export const SNIPPETS = {
  /** The main script, then process.nextTick, then promise jobs and queueMicrotask (in the order queued), then setImmediate. */
  queues: `
console.log('sync 1');
setImmediate(() => console.log('immediate'));
Promise.resolve().then(() => console.log('promise'));
queueMicrotask(() => console.log('microtask'));
process.nextTick(() => console.log('nextTick'));
console.log('sync 2');
`,
  /** Inside an I/O callback (poll phase) the check phase comes before the next timers phase. */
  ioCallback: `
require('node:fs').stat(__dirname, () => {
  setTimeout(() => console.log('timeout 0'), 0);
  setImmediate(() => console.log('immediate'));
  console.log('in the I/O callback');
});
`,
  /** Between two macrotasks Node drains both queues: all nextTicks, then all microtasks, again until both are empty. */
  nested: `
Promise.resolve().then(() => {
  console.log('promise 1');
  process.nextTick(() => console.log('nextTick from promise 1'));
}).then(() => console.log('promise 2'));
process.nextTick(() => {
  console.log('nextTick 1');
  Promise.resolve().then(() => console.log('promise from nextTick 1'));
});
`,
  /** Timers fire by deadline; equal deadlines in the order they were set. Microtasks run after each callback. */
  timers: `
setTimeout(() => console.log('timeout 20'), 20);
setTimeout(() => {
  console.log('timeout 10 a');
  Promise.resolve().then(() => console.log('promise in timeout 10 a'));
}, 10);
setTimeout(() => console.log('timeout 10 b'), 10);
`,
} as const;

export type SnippetName = keyof typeof SNIPPETS;
