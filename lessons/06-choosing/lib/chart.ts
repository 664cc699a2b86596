/**
 * A small text chart: several series of (x, y) points on one grid, each drawn with its own
 * mark; where two marks land on the same cell, `*`. For the terminal and for a ```text
 * block in the README (the site shows it as it is).
 */
export interface Series {
  name: string;
  mark: string;
  points: readonly (readonly [x: number, y: number])[];
}

export function plot(series: readonly Series[], options: { xLabel: string; yLabel: string; width?: number; height?: number }): string {
  const width = options.width ?? 56;
  const height = options.height ?? 14;
  const xs = series.flatMap((s) => s.points.map(([x]) => x));
  const ys = series.flatMap((s) => s.points.map(([, y]) => y));
  if (xs.length === 0) return '(no points)';
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const yMax = Math.max(...ys) * 1.05 || 1;
  const grid = Array.from({ length: height }, () => Array<string>(width).fill(' '));
  const col = (x: number): number => (xMax === xMin ? 0 : Math.round(((x - xMin) / (xMax - xMin)) * (width - 1)));
  const row = (y: number): number => height - 1 - Math.min(height - 1, Math.round((y / yMax) * (height - 1)));
  for (const s of series) {
    for (const [x, y] of s.points) {
      const cell = grid[row(y)]!;
      const c = col(x);
      cell[c] = cell[c] === ' ' || cell[c] === s.mark ? s.mark : '*';
    }
  }
  const label = (y: number): string => String(Math.round(y)).padStart(6);
  const lines = grid.map((cells, i) => {
    const y = ((height - 1 - i) / (height - 1)) * yMax;
    const tick = i % Math.ceil(height / 4) === 0 || i === height - 1 ? label(y) : ''.padStart(6);
    return `${tick} │${cells.join('').trimEnd()}`;
  });
  const axis = `${''.padStart(6)} └${'─'.repeat(width)}`;
  const ticks = Array<string>(width + 8).fill(' ');
  for (const x of [...new Set(xs)]) {
    const text = String(x);
    const at = 8 + Math.min(col(x), width - text.length);
    for (let i = 0; i < text.length; i++) ticks[at + i] = text[i]!;
  }
  const legend = series.map((s) => `${s.mark} ${s.name}`).join('   ');
  return [`${options.yLabel}`, ...lines, axis, ticks.join('').trimEnd(), `${''.padStart(8)}${options.xLabel}`, `${''.padStart(8)}${legend}   (* two at one point)`].join('\n');
}
