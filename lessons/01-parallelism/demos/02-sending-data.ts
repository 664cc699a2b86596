/** What it costs to send data to a worker: structured clone (a copy) vs transfer (a move), 1 KB to 64 MB. */
// Run: pnpm lesson 1 demo sending-data
import { once } from 'node:events';
import { createWorker } from '@interleave/toolkit';
import { median, ms, table, times } from '@interleave/lesson-kit/demo';

const SIZES = [1 / 1024, 1, 16, 64]; // MB
const REPS = 7;
const worker = createWorker(new URL('../lib/echo.worker.ts', import.meta.url));

/** One round trip: main → worker → main. Returns ms. */
async function roundTrip(bytes: number, transfer: boolean): Promise<number> {
  const buffer = new ArrayBuffer(bytes);
  new Uint8Array(buffer).fill(7); // touch the pages so both ways pay for real memory
  const t = performance.now();
  worker.postMessage({ buffer, transfer }, transfer ? [buffer] : []);
  const [reply] = (await once(worker, 'message')) as [{ buffer: ArrayBuffer }];
  const elapsed = performance.now() - t;
  if (reply.buffer.byteLength !== bytes) throw new Error('the buffer came back with the wrong size');
  if (transfer && buffer.byteLength !== 0) throw new Error('a transferred buffer should be detached here');
  return elapsed;
}

console.log(`Round trip of an ArrayBuffer to a worker thread and back; median of ${REPS}, clone and transfer interleaved.\n`);
await roundTrip(1024, false); // warm up both paths
await roundTrip(1024, true);

const rows: Array<Array<string | number>> = [];
for (const mb of SIZES) {
  const bytes = Math.round(mb * 1024 * 1024);
  const clone: number[] = [];
  const move: number[] = [];
  for (let i = 0; i < REPS; i++) {
    clone.push(await roundTrip(bytes, false));
    move.push(await roundTrip(bytes, true));
  }
  const c = median(clone);
  const m = median(move);
  rows.push([mb < 1 ? `${Math.round(mb * 1024)} KB` : `${mb} MB`, ms(c), ms(m), times(c / m), `${((2 * bytes) / 1024 / 1024 / (c / 1000)).toFixed(0)} MB/s`]);
}
console.log(table(['size', 'clone', 'transfer', 'clone / transfer', 'copy speed'], rows));
console.log(`
A clone copies every byte (twice per round trip); its cost grows with the size. A transfer
moves the memory: the cost stays that of one small message, and the sender's buffer is
detached (byteLength 0) — it cannot be read on this side any more.`);
await worker.terminate();
