/**
 * Benchmark of the site build (not a test): builds every lesson 5 times into a temporary
 * folder and prints each time and the median. Target: under 10 s on a 2-core machine.
 * Run: `pnpm --filter @interleave/site bench:build` (or `tsx site/tools/bench-build.ts [runs]`).
 * Each build runs in the same process after the first, so the first also shows the cold
 * cost (module loading is before the first timing and not counted in any).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite } from '../src/build.ts';

const runs = Number(process.argv[2] ?? 5);
if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be a positive integer, got ${process.argv[2]}`);
const tmp = mkdtempSync(path.join(tmpdir(), 'interleave-site-bench-'));
try {
  const times: number[] = [];
  let pages = 0;
  let lessons = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = await buildSite({ outDir: path.join(tmp, 'site') });
    times.push(performance.now() - started);
    pages = result.pages.length;
    lessons = result.pages.filter((p) => p.kind === 'lesson').length;
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(`site build: ${lessons} lessons, ${pages} pages; ${runs} builds on ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}`);
  console.log(`times (ms): ${times.map((t) => t.toFixed(0)).join(', ')}`);
  console.log(`median ${median.toFixed(0)} ms (target < 10000 ms)`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
