// Wrong: the sequential answer. It uses a worker thread, but waits for each answer before
// sending the next input — one task at a time, so a second core never has anything to do.
// (Off the main thread, yes; parallel, no.)
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { createWorker } from '@interleave/toolkit';
import { TASK_RUNNER, type TaskReply } from '../lib/task-protocol.ts';

export interface ParallelMapOptions {
  workers?: number;
  signal?: AbortSignal;
}

export async function parallelMap<I, O>(taskModule: string | URL, inputs: readonly I[], options: ParallelMapOptions = {}): Promise<O[]> {
  const { workers = 1, signal } = options;
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`parallelMap: workers must be an integer ≥ 1, received ${workers}`);
  signal?.throwIfAborted();
  if (inputs.length === 0) return [];
  const module = typeof taskModule === 'string' && !taskModule.startsWith('file:') ? pathToFileURL(taskModule).href : String(taskModule);
  const worker = createWorker(TASK_RUNNER, { workerData: { module } });
  const onAbort = (): void => void worker.terminate();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const outputs: O[] = [];
    for (let id = 0; id < inputs.length; id++) {
      worker.postMessage({ id, input: inputs[id] });
      const [reply] = (await once(worker, 'message', signal ? { signal } : {})) as [TaskReply<O>];
      if (!reply.ok) throw reply.error;
      outputs.push(reply.output);
    }
    return outputs;
  } catch (error) {
    throw signal?.aborted ? signal.reason : error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await worker.terminate();
  }
}
