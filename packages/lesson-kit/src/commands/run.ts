// Running another program and reading its output or exit code, through zx: its quoting,
// `quiet` (no echo), `nothrow` (a failure is a result, not an exception) and timeouts.
// For IPC with a Node child (messages both ways), use child_process.fork instead.
import { $, type ProcessOutput } from 'zx';
import { requireCommand } from './missing.ts';

export interface RunCommandOptions {
  /** Kill it after this many ms (the output says so: `signal` is SIGTERM). */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Text written to its stdin. */
  input?: string;
}

/**
 * Runs `command args…` (no shell parsing: each argument is passed as is) and resolves with
 * zx's `ProcessOutput` — `stdout`, `stderr`, `exitCode`, `signal`, `ok` — whatever the
 * exit code. Throws a {@link MissingCommandError} (one line) when `command` is not installed.
 *
 * @example
 * ```ts
 * import { run } from '@interleave/lesson-kit/commands';
 *
 * const out = await run('git', ['rev-parse', '--short', 'HEAD'], { timeoutMs: 10_000 });
 * console.log(out.ok ? out.stdout.trim() : `git failed: ${out.stderr.trim()}`);
 * ```
 */
export async function run(command: string, args: readonly string[] = [], options: RunCommandOptions = {}): Promise<ProcessOutput> {
  const env = options.env ?? process.env;
  const file = command.includes('/') ? command : requireCommand(command, env);
  const shell = $({
    quiet: true,
    nothrow: true,
    env,
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
  return await shell`${file} ${args}`;
}
