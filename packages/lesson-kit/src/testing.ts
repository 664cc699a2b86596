// @interleave/lesson-kit/testing — what a lesson's tests share. See the README.
// The helper side of runWorkers/runChildren, serve(), is its own entry,
// @interleave/lesson-kit/testing/serve: a worker loads only that, not all of this.
export { deferred, type Deferred } from '@interleave/toolkit';
export { until, type UntilOptions } from './testing/until.ts';
export { observe, type Observed } from './testing/observe.ts';
export { flush } from './testing/flush.ts';
export { alive, exited, processesGone } from './testing/exited.ts';
export { runChildren, runWorkers, STARTUP_MS, type RunOptions } from './testing/run-answer.ts';
export type { Reply } from './testing/protocol.ts';
export { TSX_IMPORT, tsxExecArgv } from './testing/tsx.ts';
