import type { SumReply } from '../lib/sum-floats.ts';

/** Options of {@link sumInWorker}. */
export interface SumInWorkerOptions {
  /** Abort: the worker is terminated and the promise rejects with `signal.reason`. */
  signal?: AbortSignal;
}

/**
 * Sums `data` in a worker thread WITHOUT copying it: transfer the buffer to the worker
 * (it comes back transferred too, inside the reply).
 *
 * - start the worker with `createWorker(SUM_FLOATS_WORKER)` (from `@interleave/toolkit`
 *   and `../lib/sum-floats.ts`), post `data`, resolve with the worker's `{ sum, data }`;
 * - after the call, the caller's `data` is detached (`byteLength` 0): its memory moved;
 * - the worker is terminated once it answered, failed, or the signal aborted;
 * - `data` not a `Float64Array` → `TypeError` naming `data`.
 *
 * (`Float64Array<ArrayBuffer>`: an array over a plain `ArrayBuffer`. One over a
 * `SharedArrayBuffer` cannot be transferred — it is already shared by both sides.)
 */
export function sumInWorker(data: Float64Array<ArrayBuffer>, options: SumInWorkerOptions = {}): Promise<SumReply> {
  // TODO: worker.postMessage(data, transferList) — what goes in the transfer list?
  throw new Error('Not implemented: sumInWorker');
}
