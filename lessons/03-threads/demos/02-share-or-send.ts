/** Message passing vs shared memory: a 64 MB buffer cloned, transferred, or shared with a worker — measured. */
// Run: pnpm lesson 3 demo share-or-send   (or: npx tsx demos/02-share-or-send.ts)
import type { Worker } from 'node:worker_threads';
import { median } from '@interleave/lesson-kit/demo';
import { createWorker } from '@interleave/toolkit';

const MB = 64;
const REPS = 7;
const worker = createWorker(new URL('../lib/echo.worker.ts', import.meta.url));

function roundTrip(w: Worker, send: () => void): Promise<number> {
  const start = performance.now();
  return new Promise((resolve) => {
    w.once('message', () => resolve(performance.now() - start));
    send();
  });
}

const times = { clone: [] as number[], transfer: [] as number[], share: [] as number[], structuredClone: [] as number[] };
let detached = -1;
let seen = -1;
for (let rep = 0; rep < REPS; rep++) {
  const a = new ArrayBuffer(MB * 2 ** 20);
  times.clone.push(await roundTrip(worker, () => worker.postMessage(a)));
  const b = new ArrayBuffer(MB * 2 ** 20);
  times.transfer.push(await roundTrip(worker, () => worker.postMessage(b, [b])));
  detached = b.byteLength; // 0: the buffer moved to the worker, this side lost it
  const s = new SharedArrayBuffer(MB * 2 ** 20);
  times.share.push(await roundTrip(worker, () => worker.postMessage(s)));
  seen = new Uint8Array(s)[0]!; // 42: the worker's write, visible here — same memory
  const start = performance.now();
  structuredClone(new ArrayBuffer(MB * 2 ** 20));
  times.structuredClone.push(performance.now() - start);
}
await worker.terminate();

console.log(`Sending a ${MB} MB buffer to a worker and getting an answer back (${REPS} runs, medians):\n`);
console.log('how                                   round trip   what the sender keeps');
console.log(`postMessage(buf)            (clone)  ${median(times.clone).toFixed(2).padStart(8)} ms   its own copy; the worker gets another`);
console.log(`postMessage(buf, [buf])  (transfer)  ${median(times.transfer).toFixed(2).padStart(8)} ms   nothing: buf.byteLength is now ${detached}`);
console.log(`postMessage(sharedBuf)     (share)  ${median(times.share).toFixed(2).padStart(8)} ms   the same memory: the worker's write reads back as ${seen}`);
console.log(`structuredClone(buf) on this thread ${median(times.structuredClone).toFixed(2).padStart(8)} ms   (the copy a clone pays for)`);
console.log('\nCloning copies every byte. Transferring moves ownership: no copy, but the sender can no longer');
console.log('touch it — no sharing, so no race. Sharing copies nothing and both sides see every write: fast,');
console.log('and the start of every problem in this lesson.');
