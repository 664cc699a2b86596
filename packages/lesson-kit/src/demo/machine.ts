// What a demo says about the machine it measured on.
import os from 'node:os';

/** Wall-clock time in ms since the Unix epoch, comparable across threads and processes. */
export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * A warning line (ending in a newline) when other programs keep the cores busy — the
 * 1-minute load average at or above `cores`, where the OS reports one — else `''`.
 * Parallel speed-ups need idle cores.
 */
export function loadWarning(cores: number = os.availableParallelism()): string {
  const [load] = os.loadavg();
  if (load === undefined || load === 0 || load < cores) return '';
  return `Note: the load average is ${load.toFixed(1)} on ${cores} core(s) — other programs are busy, so speedups will come out lower than on an idle machine.\n`;
}
