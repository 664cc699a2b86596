// Aligned plain-text tables for demo output.

/**
 * Renders rows under a header, columns two spaces apart, a rule under the header.
 * A column whose cells are all numbers (or numbers with ms, x, MB or %) is right-aligned.
 *
 * @example
 * ```ts
 * import { table } from '@interleave/lesson-kit/demo';
 *
 * console.log(table(['way', 'time'], [['serial', '12.0 ms'], ['pool', '6.5 ms']]));
 * // way        time
 * // ──────  ───────
 * // serial  12.0 ms
 * // pool     6.5 ms
 * ```
 */
export function table(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  for (const [i, row] of rows.entries()) {
    if (row.length > header.length) throw new RangeError(`table: row ${i} has ${row.length} cells, the header only ${header.length}`);
  }
  const cells = [header.map(String), ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const numeric = header.map((_, c) => rows.every((r) => typeof r[c] === 'number' || /^[\d.,]+\s*(ms|x|MB|%)?$/.test(String(r[c]))));
  const line = (r: readonly string[]): string =>
    r.map((cell, c) => (numeric[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd();
  return [line(cells[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
