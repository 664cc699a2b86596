// Our worker for the "failure at start" scenario: the first start (counted in shared
// memory across threads) throws while loading; later starts work.
import { workerData } from 'node:worker_threads';
import { defineWorker } from '../../src/workers/define-worker.ts';

const { starts } = workerData as { starts: Int32Array };
if (Atomics.add(starts, 0, 1) === 0) throw new Error('could not start this time');
defineWorker((n: number) => n + 1);
