import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { duration, median, ms, quantile, quantiles, table, times, timeline, writeTraces } from './demo.ts';

describe('demo helpers', () => {
  test('median and quantiles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantiles([10, 20, 30, 40, 50], [0, 0.25, 0.5, 1])).toEqual([10, 20, 30, 50]);
    expect(quantile([1, 2], 0.5)).toBe(1.5);
    expect(() => median([])).toThrow('median: values must not be empty');
    expect(() => quantile([1], 2)).toThrow('quantile: q must be between 0 and 1, got 2');
  });

  test('formats', () => {
    expect([ms(3.14159), ms(42.42), ms(1234.5), times(1.934)]).toEqual(['3.14 ms', '42.4 ms', '1235 ms', '1.93x']);
    expect([duration(0.012), duration(42), duration(2500), duration(61_000)]).toEqual(['12 µs', '42.0 ms', '2.50 s', '1 min 1 s']);
  });

  test('table right-aligns numeric columns', () => {
    expect(table(['way', 'time'], [['serial', '12.0 ms'], ['pool', '6.5 ms']])).toBe(
      ['way        time', '──────  ───────', 'serial  12.0 ms', 'pool     6.5 ms'].join('\n'),
    );
  });

  test('traces are written only with --write-trace', () => {
    const trace = { title: 't', description: 'd', unit: 'ms' as const, spans: [{ lane: 'a', label: 'x', start: 0, end: 1, state: 'running' as const }] };
    expect(timeline(trace, 20)).toContain('a');
    const dir = mkdtempSync(path.join(tmpdir(), 'lesson-kit-trace-'));
    try {
      expect(writeTraces(dir, { one: trace }, ['node', 'demo.ts'])).toEqual([]);
      expect(writeTraces(dir, { one: trace }, ['node', 'demo.ts', '--write-trace'])).toEqual(['one.json']);
      expect(JSON.parse(readFileSync(path.join(dir, 'one.json'), 'utf8'))).toEqual(trace);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
