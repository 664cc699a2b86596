// Wrong: Promise.all on the main thread. It imports the task module and calls task() for
// every input inside async functions — which all run on the ONE JavaScript thread, one
// after another. Promise.all waits for many things at once; it does not compute many
// things at once. (This is Node's counterpart of Python's GIL: one thread runs JS.)
import { pathToFileURL } from 'node:url';

export interface ParallelMapOptions {
  workers?: number;
  signal?: AbortSignal;
}

export async function parallelMap<I, O>(taskModule: string | URL, inputs: readonly I[], options: ParallelMapOptions = {}): Promise<O[]> {
  const { workers = 1, signal } = options;
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`parallelMap: workers must be an integer ≥ 1, received ${workers}`);
  signal?.throwIfAborted();
  const href = typeof taskModule === 'string' && !taskModule.startsWith('file:') ? pathToFileURL(taskModule).href : String(taskModule);
  const { task } = (await import(href)) as { task: (input: I) => O | Promise<O> };
  return Promise.all(inputs.map(async (input) => task(input)));
}
