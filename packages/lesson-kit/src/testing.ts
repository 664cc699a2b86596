// @interleave/lesson-kit/testing — what a lesson's tests share. See the README.
export { deferred, type Deferred } from '@interleave/toolkit';
export { until, type UntilOptions } from './testing/until.ts';
export { observe, type Observed } from './testing/observe.ts';
export { flush } from './testing/flush.ts';
export { alive, exited, processesGone } from './testing/exited.ts';
export { runChildren, runWorkers, STARTUP_MS, type RunOptions } from './testing/run-answer.ts';
export { serve } from './testing/serve.ts';
export type { Reply } from './testing/protocol.ts';
export { TSX_IMPORT, tsxExecArgv } from './testing/tsx.ts';
