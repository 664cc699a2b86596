// @interleave/lesson-kit/commands — running other programs, and saying clearly when one is missing. See the README.
export { exitIfMissing, findCommand, missingCommandLine, MissingCommandError, requireCommand } from './commands/missing.ts';
export { run, type RunCommandOptions } from './commands/run.ts';
export type { ProcessOutput } from 'zx';
