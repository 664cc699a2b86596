/**
 * `pnpm bench`: runs every suite in `bench/suites/` (or those named on the command line),
 * prints a table per suite and writes `bench/results/<suite>.json`.
 *
 *   npx tsx bench/run.ts                 all suites, full run (a few minutes)
 *   npx tsx bench/run.ts limiter mutex   only these suites
 *   BENCH_QUICK=1 npx tsx bench/run.ts   smoke run: tiny workloads, 1 repetition, writes nothing
 *   BENCH_REPS=7 …                       repetitions per contender (default 5)
 *   BENCH_OUT=dir …                      write results there instead (also in a quick run)
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { formatTable, runSuite, writeResult } from './lib.ts';
import type { RunOptions, Suite } from './lib.ts';

const quick = process.env.BENCH_QUICK === '1';
const suitesDir = new URL('./suites/', import.meta.url);
const wanted = process.argv.slice(2);

const files = (await readdir(suitesDir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
const suites: Suite[] = [];
for (const file of files) {
  const mod = (await import(new URL(file, suitesDir).href)) as { suite?: Suite };
  if (mod.suite === undefined) throw new TypeError(`bench/run.ts: bench/suites/${file} must export \`suite\` (see the comment at the top of bench/lib.ts)`);
  suites.push(mod.suite);
}
const unknown = wanted.filter((w) => !suites.some((s) => s.name === w));
if (unknown.length > 0) {
  console.error(`bench/run.ts: unknown suite(s) ${unknown.join(', ')}; known: ${suites.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const reps = process.env.BENCH_REPS;
const options: RunOptions = {
  quick,
  // The command to re-run exactly this: all suites from the root, or some from the package.
  command: `${quick ? 'BENCH_QUICK=1 ' : ''}${wanted.length > 0 ? `pnpm --filter @interleave/toolkit bench ${wanted.join(' ')}` : 'pnpm bench'}`,
  // What the command line asks for wins over a suite's own options (merged below).
  ...(reps !== undefined ? { repetitions: Number(reps) } : quick ? { repetitions: 1 } : {}),
};
const outDir = process.env.BENCH_OUT ?? (quick ? undefined : fileURLToPath(new URL('./results/', import.meta.url)));
const started = performance.now();
for (const suite of suites.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
  console.error(`bench: ${suite.name}${quick ? ' (quick)' : ''}`);
  // A suite may carry its own run options (e.g. pass/fail suites need one repetition).
  const result = await runSuite(suite, { ...suite.options, ...options });
  console.log(`\n${formatTable(result)}\n`);
  if (outDir !== undefined) console.error(`  wrote ${await writeResult(result, outDir)}`);
}
console.error(`bench: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
