// Worker for exercise 05: receives a Float64Array, answers { sum, data } and transfers the
// array's buffer back, so the bytes cross the thread boundary twice without a copy.
import { parentPort } from 'node:worker_threads';

if (!parentPort) throw new Error('sum-floats.worker.ts is a worker module: start it with createWorker(SUM_FLOATS_WORKER)');
const port = parentPort;
port.on('message', (data: Float64Array<ArrayBuffer>) => {
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum += data[i]!;
  port.postMessage({ sum, data }, [data.buffer]);
});
