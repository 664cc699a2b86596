// How demos write numbers: durations with three significant digits, ratios with two decimals.

/** A duration in milliseconds, e.g. `ms(3.14159)` → `"3.14 ms"`, `ms(42.42)` → `"42.4 ms"`, `ms(1234.5)` → `"1235 ms"`. */
export function ms(value: number): string {
  return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`;
}

/** A duration in the unit that reads best: `duration(0.012)` → `"12 µs"`, `duration(42)` → `"42.0 ms"`, `duration(61_000)` → `"1 min 1 s"`. */
export function duration(milliseconds: number): string {
  if (!Number.isFinite(milliseconds) || milliseconds < 0) throw new RangeError(`duration: milliseconds must be a finite number ≥ 0, got ${milliseconds}`);
  if (milliseconds < 1) return `${Math.round(milliseconds * 1000)} µs`;
  if (milliseconds < 1000) return ms(milliseconds);
  if (milliseconds < 60_000) return `${(milliseconds / 1000).toFixed(milliseconds < 10_000 ? 2 : 1)} s`;
  const s = Math.round(milliseconds / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** A speed-up or ratio, e.g. `times(1.934)` → `"1.93x"`. */
export function times(value: number): string {
  return `${value.toFixed(2)}x`;
}
