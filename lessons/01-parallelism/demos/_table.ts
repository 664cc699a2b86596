// Demo helpers: medians and plain-text tables (files starting with "_" are not demos).
import os from 'node:os';

/** The median of some numbers (the middle one, or the mean of the two middle ones). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median: values must not be empty');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Renders rows as an aligned text table; numbers are right-aligned. */
export function table(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cells = [header.map(String), ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const numeric = header.map((_, c) => rows.every((r) => typeof r[c] === 'number' || /^[\d.,]+\s*(ms|x|MB|%)?$/.test(String(r[c]))));
  const line = (r: readonly string[]): string =>
    r.map((cell, c) => (numeric[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd();
  return [line(cells[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** `12.3 ms` style formatting. */
export function ms(value: number): string {
  return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`;
}

/** `1.93x` style formatting. */
export function times(value: number): string {
  return `${value.toFixed(2)}x`;
}

/** Wall-clock time in ms since the Unix epoch, comparable across threads and processes. */
export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * A warning when other programs keep the cores busy (1-minute load average above the
 * core count, where the OS reports one): parallel speedups need idle cores.
 */
export function loadWarning(cores: number): string {
  const [load] = os.loadavg();
  if (load === undefined || load === 0 || load < cores) return '';
  return `Note: the load average is ${load.toFixed(1)} on ${cores} core(s) — other programs are busy, so speedups will come out lower than on an idle machine.\n`;
}
