// Our worker for the pool benchmarks: the shared task behind defineWorker.
import { defineWorker } from '../../src/workers/define-worker.ts';
// @ts-expect-error -- plain .mjs without types, shared with the peers' workers
import { handle } from './bench-task.mjs';

defineWorker((input: unknown, { signal }) => (handle as (input: unknown, signal: AbortSignal) => Promise<unknown>)(input, signal));
