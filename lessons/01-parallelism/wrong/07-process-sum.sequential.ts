// Wrong: the sequential answer. It forks a child, waits for its answer, and only then
// forks the next — so only one child ever runs, however many cores there are.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { TSX_LOADER } from '../lib/tsx-loader.ts';

export interface Range {
  start: number;
  end: number;
}

export interface SumInProcessesOptions {
  signal?: AbortSignal;
}

export async function sumInProcesses(childModule: string | URL, ranges: readonly Range[], options: SumInProcessesOptions = {}): Promise<number> {
  options.signal?.throwIfAborted();
  let total = 0;
  for (const range of ranges) {
    const child = fork(childModule, [], { execArgv: ['--import', TSX_LOADER] });
    try {
      child.send(range);
      const [reply] = (await Promise.race([
        once(child, 'message', options.signal ? { signal: options.signal } : {}),
        once(child, 'exit').then(([code]) => Promise.reject(new Error(`a child exited with code ${code} before answering`))),
      ])) as [{ sum: number }];
      total += reply.sum;
    } catch (error) {
      throw options.signal?.aborted ? options.signal.reason : error;
    } finally {
      child.kill();
    }
  }
  return total;
}
