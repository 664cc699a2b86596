// @interleave/lesson-kit/demo — what a lesson's demos share. See the README.
export { median, quantile, quantiles } from './demo/stats.ts';
export { duration, ms, times } from './demo/format.ts';
export { table } from './demo/table.ts';
export { epochMs, loadWarning } from './demo/machine.ts';
export { WRITE_TRACE_FLAG, timeline, traceRequested, writeTraces } from './demo/trace.ts';
