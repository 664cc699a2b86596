import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { contender, defineSuite, formatNumber, formatTable, median, opsPerSecond, runContender, runSuite, writeResult } from './lib.ts';
import { suite as fixed } from './fixtures/fixed-suite.ts';

const FIXTURE = new URL('./fixtures/fixed-suite.ts', import.meta.url);
const run = { warmup: 0, samples: 1, quick: true, timeoutMs: 20_000 };
// Each of these spawns Node processes: seconds on a busy 2-core machine.
const SPAWNS = { timeout: 30_000 };

describe('bench/lib', () => {
  it('median() takes the middle (or the mean of the middle two) and rejects an empty list', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });

  it('opsPerSecond() and formatNumber() give readable figures', () => {
    expect(opsPerSecond(500, 250)).toBe(2000);
    expect(() => opsPerSecond(1, 0)).toThrow(/ms must be > 0, got 0/);
    expect(formatNumber(1234567)).toBe('1,230,000');
    expect(formatNumber(0.01234)).toBe('0.0123');
  });

  it('defineSuite() wants a kebab-case name (it names the result file)', () => {
    expect(() => defineSuite({ name: 'Bad Name', title: 't', cases: () => [] })).toThrow(/name must be kebab-case/);
  });

  it('runContender() runs a measure function in a fresh process and reports the median of its samples', SPAWNS, async () => {
    // 3 samples of 10, 99, 10 (warm-up 0): the median is 10 even though one sample spiked.
    const c = contender(FIXTURE, 'measureFixed', { value: 10, spike: 99 });
    const figures = await Promise.all([
      runContender(c, { ...run, samples: 3 }),
      runContender(contender(FIXTURE, 'measureQuickFlag'), { ...run, quick: true }),
      runContender(contender(FIXTURE, 'measureQuickFlag'), { ...run, quick: false }),
    ]);
    expect(figures).toEqual([10, 1, 0]);
  });

  it('runContender() rejects with the export name and the child error when a workload fails', SPAWNS, async () => {
    await Promise.all([
      expect(runContender(contender(FIXTURE, 'measureCrash'), run)).rejects.toThrow(/measureCrash .* exited with 1[\s\S]*the workload broke/),
      expect(runContender(contender(FIXTURE, 'measureNaN'), run)).rejects.toThrow(/returned NaN, expected a finite number/),
      expect(runContender(contender(FIXTURE, 'noSuchExport'), run)).rejects.toThrow(/has no exported function "noSuchExport"/),
    ]);
  });

  it('runSuite() gives contract-3 results: medians, ratios ours/theirs, limit and note; writeResult() writes them', SPAWNS, async () => {
    const result = await runSuite(fixed, { ...run, repetitions: 1, log: () => {} });
    expect(result).toMatchObject({
      suite: 'fixed',
      title: 'Known answers',
      machine: { cpus: os.cpus().length, node: process.version },
      cases: [
        {
          name: 'double',
          unit: 'ops/s',
          higherIsBetter: true,
          ours: 200,
          peers: { slow: 100, fast: 400 },
          ratios: { slow: 2, fast: 0.5 },
          limit: 2,
          note: 'fixture',
        },
      ],
    });
    expect(Number.isNaN(Date.parse(result.date))).toBe(false);
    const table = formatTable(result);
    expect(table).toContain('2.00× ✓');
    expect(table).toContain('0.50× ✗');
    const path = await writeResult(result, os.tmpdir());
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(result);
  });

  it('runSuite() checks its options', async () => {
    await expect(runSuite(fixed, { repetitions: 0 })).rejects.toThrow(/repetitions must be an integer ≥ 1, got 0/);
  });
});
