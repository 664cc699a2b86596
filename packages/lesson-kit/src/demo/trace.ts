// Timelines in a demo: draw them in the terminal, and save them for the site when the
// demo runs with the one flag for it, `--write-trace`.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkTrace, renderAscii, type Trace } from '@interleave/toolkit';

/** The one flag that makes a demo save its traces. */
export const WRITE_TRACE_FLAG = '--write-trace';

/** True when the demo was started with `--write-trace`. */
export function traceRequested(argv: readonly string[] = process.argv): boolean {
  return argv.includes(WRITE_TRACE_FLAG);
}

/** The trace as a text timeline (the toolkit's renderer), `width` columns of time axis. */
export function timeline(trace: Trace, width = 60): string {
  return renderAscii(trace, { width });
}

/**
 * Saves each trace as `<dir>/<name>.json` (`dir` is the lesson's traces/ folder, e.g.
 * `new URL('../traces/', import.meta.url)`) — but only when the demo was started with
 * `--write-trace`. Returns the file names written (none without the flag). Each trace
 * is validated first, so a broken one never reaches the site.
 *
 * @example
 * ```ts
 * import { timeline, writeTraces } from '@interleave/lesson-kit/demo';
 *
 * import type { Trace } from '@interleave/toolkit';
 *
 * const trace: Trace = {
 *   title: 'One task', description: 'It runs for 2 ms.', unit: 'ms',
 *   spans: [{ lane: 'main', label: 'task', start: 0, end: 2, state: 'running' }],
 * };
 * console.log(timeline(trace, 20));
 * // `npx tsx demos/01-one-task.ts --write-trace` also saves traces/one-task.json:
 * writeTraces(new URL('../traces/', import.meta.url), { 'one-task': trace });
 * ```
 */
export function writeTraces(dir: URL | string, traces: Readonly<Record<string, Trace>>, argv: readonly string[] = process.argv): string[] {
  if (!traceRequested(argv)) return [];
  const folder = dir instanceof URL ? fileURLToPath(dir) : dir;
  mkdirSync(folder, { recursive: true });
  return Object.entries(traces).map(([name, trace]) => {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`writeTraces: a trace name is a kebab-case file name without .json, got ${JSON.stringify(name)}`);
    checkTrace(trace, `writeTraces(${name})`);
    writeFileSync(path.join(folder, `${name}.json`), `${JSON.stringify(trace, null, 2)}\n`);
    return `${name}.json`;
  });
}
