/**
 * One contender in one fresh process (spawned by `runContender` in `lib.ts`).
 *
 * argv: moduleUrl exportName paramsJson warmup samples quick(0|1).
 * Imports the module, runs the measure function `warmup` times unmeasured, then `samples`
 * times, and prints `BENCH_RESULT <median>` on stdout. Anything else it prints is ignored.
 */
import { median } from './lib.ts';
import type { Json, Measure } from './lib.ts';

const [moduleUrl, exportName, paramsJson, warmupText, samplesText, quickText] = process.argv.slice(2);
if (moduleUrl === undefined || exportName === undefined || paramsJson === undefined) {
  throw new TypeError('bench/child.ts: usage: child.ts <moduleUrl> <exportName> <paramsJson> <warmup> <samples> <quick>');
}
const mod = (await import(moduleUrl)) as Record<string, unknown>;
const measure = mod[exportName];
if (typeof measure !== 'function') {
  throw new TypeError(`bench/child.ts: ${moduleUrl} has no exported function ${JSON.stringify(exportName)}`);
}
const params = JSON.parse(paramsJson) as Json;
const context = { quick: quickText === '1' };
const gc = (globalThis as { gc?: () => void }).gc;
for (let i = 0; i < Number(warmupText ?? 0); i++) await (measure as Measure)(params, context);
const values: number[] = [];
for (let i = 0; i < Number(samplesText ?? 1); i++) {
  // Collect the previous run's garbage outside the measured region.
  gc?.();
  const value = await (measure as Measure)(params, context);
  if (!Number.isFinite(value)) throw new TypeError(`bench/child.ts: ${exportName} returned ${value}, expected a finite number`);
  values.push(value);
}
process.stdout.write(`BENCH_RESULT ${median(values)}\n`);
