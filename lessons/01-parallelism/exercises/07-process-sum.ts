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
  // TODO: fork, send, add up the { sum } replies, kill the children.
  throw new Error('Not implemented: sumInProcesses');
}
