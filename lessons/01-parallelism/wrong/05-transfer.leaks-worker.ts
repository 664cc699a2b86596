// Wrong: never terminates the worker. The answer arrives, but the worker thread stays
// alive (it listens for more messages) and keeps the process from exiting.
import { createWorker } from '@interleave/toolkit';
import { SUM_FLOATS_WORKER, type SumReply } from '../lib/sum-floats.ts';

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
 */
export function sumInWorker(data: Float64Array<ArrayBuffer>, options: SumInWorkerOptions = {}): Promise<SumReply> {
  if (!(data instanceof Float64Array)) {
    return Promise.reject(new TypeError(`sumInWorker: data must be a Float64Array, received ${Object.prototype.toString.call(data)}`));
  }
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);

  const worker = createWorker(SUM_FLOATS_WORKER);
  return new Promise<SumReply>((resolve, reject) => {
    const finish = (settle: () => void): void => {
      signal?.removeEventListener('abort', onAbort);
      worker.removeAllListeners();
      
      settle();
    };
    const onAbort = (): void => finish(() => reject(signal?.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (reply: SumReply) => finish(() => resolve(reply)));
    worker.once('error', (error) => finish(() => reject(error)));
    worker.once('exit', (code) => finish(() => reject(new Error(`sumInWorker: the worker exited with code ${code} before answering`))));
    worker.postMessage(data, [data.buffer]);
  });
}
