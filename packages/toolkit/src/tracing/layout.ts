// Private: layout helpers shared by the Tracer and the two renderers. Not exported by mod.ts.
import type { Span } from './trace.ts';

export function unitName(unit: string): string {
  return unit === 'tick' ? 'ticks' : unit;
}

export function lanesOf(spans: readonly Span[]): string[] {
  return [...new Set(spans.map((s) => s.lane))];
}

/** Up to three decimals, no trailing zeros, no locale: stable across machines. */
export function formatTime(t: number): string {
  return String(Math.round(t * 1000) / 1000);
}


export function extent(spans: readonly Span[]): { min: number; max: number } {
  if (spans.length === 0) return { min: 0, max: 1 };
  const min = Math.min(0, ...spans.map((s) => s.start));
  const max = Math.max(...spans.map((s) => s.end));
  return { min, max: max > min ? max : min + 1 };
}

