// The peers' worker for the "failure at start" scenario (see fail-first-start.worker.ts).
import { workerData } from 'node:worker_threads';

// tinypool hands the worker [its own data, your workerData]; piscina passes yours as is.
const { starts } = Array.isArray(workerData) ? workerData[1] : workerData;
if (Atomics.add(starts, 0, 1) === 0) throw new Error('could not start this time');

export default function task(n) {
  return n + 1;
}
