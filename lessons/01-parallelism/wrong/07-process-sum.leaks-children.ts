// Wrong: settles without killing the children. The total is right, but every child
// process keeps its IPC channel open and runs on after the parent is done with it.
import { fork, type ChildProcess } from 'node:child_process';
import { TSX_LOADER } from '../lib/tsx-loader.ts';

/** A half-open range of numbers for one child: `start` included, `end` excluded. */
export interface Range {
  start: number;
  end: number;
}

/** Options of {@link sumInProcesses}. */
export interface SumInProcessesOptions {
  /** Abort: every child is killed and the promise rejects with `signal.reason`. */
  signal?: AbortSignal;
}

/**
 * Sums the answers of one child PROCESS per range, all running at the same time.
 *
 * `childModule` is the URL or absolute path of a `.ts` module that, for each `Range`
 * message it gets (`child.send(range)`), answers `{ sum: number }` (`process.send`).
 * `lib/sum-child.ts` is one: it counts primes.
 *
 * - fork every child first — `fork(childModule, [], { execArgv: ['--import', TSX_LOADER] })`
 *   from `node:child_process` (`TSX_LOADER` from `../lib/tsx-loader.ts` lets a fresh
 *   Node process run TypeScript) — and send each its range before waiting for any
 *   answer; resolve with the total of the `sum`s;
 * - a child that exits (or fails to start) before answering → reject with an Error that
 *   says its exit code; abort → reject with `signal.reason`;
 * - in every case kill every child before settling: a child with an open IPC channel
 *   runs forever;
 * - no ranges → 0 without forking.
 */
export function sumInProcesses(childModule: string | URL, ranges: readonly Range[], options: SumInProcessesOptions = {}): Promise<number> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ranges.length === 0) return Promise.resolve(0);

  return new Promise<number>((resolve, reject) => {
    const children: ChildProcess[] = [];
    let total = 0;
    let answered = 0;
    let settled = false;

    const finish = (settle: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    const onAbort = (): void => finish(() => reject(signal?.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
    for (const range of ranges) {
      const child = fork(childModule, [], { execArgv: ['--import', TSX_LOADER] });
      children.push(child);
      let done = false;
      child.once('message', (reply: { sum: number }) => {
        done = true;
        total += reply.sum;
        answered++;
        if (answered === ranges.length) finish(() => resolve(total));
      });
      child.once('error', (error) => finish(() => reject(error)));
      child.once('exit', (code, sig) => {
        if (!done) finish(() => reject(new Error(`sumInProcesses: a child exited with code ${code ?? sig} before answering for [${range.start}, ${range.end})`)));
      });
      child.send(range);
    }
  });
}
