/**
 * Where the worker of exercise 05 lives. It answers each `Float64Array` it receives with
 * `{ sum, data }`, and transfers `data`'s buffer back to you.
 *
 * @example
 * ```ts
 * import { createWorker } from '@interleave/toolkit';
 * import { SUM_FLOATS_WORKER, type SumReply } from '../lib/sum-floats.ts';
 *
 * const worker = createWorker(SUM_FLOATS_WORKER);
 * worker.once('message', (reply: SumReply) => {
 *   console.log(reply.sum); // 6
 *   void worker.terminate();
 * });
 * worker.postMessage(new Float64Array([1, 2, 3]));
 * ```
 */
export const SUM_FLOATS_WORKER: URL = new URL('./sum-floats.worker.ts', import.meta.url);

/** What the worker posts back. */
export interface SumReply {
  sum: number;
  data: Float64Array<ArrayBuffer>;
}
