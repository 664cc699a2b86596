/**
 * The pool crash suite against all three pools (see bench/pool-crash-scenarios.ts). Each
 * figure is the time until the scenario's key promise settled correctly, in ms; a figure
 * equal to the limit (the 2 000 ms box) means the pool did not pass: it hung, settled the
 * wrong way, lost the next task, kept the process alive, or has no such operation.
 * `npx tsx bench/pool-crash-table.ts` prints the same as a pass/fail table with reasons.
 * Pass/fail needs no repetitions: one fresh process per pool and scenario.
 */
import { contender, defineSuite } from '../lib.ts';
import { POOL_KINDS, type PoolKind } from '../pool-adapters.ts';
import { BOX_MS, SCENARIOS, runScenarioIsolated } from '../pool-crash-scenarios.ts';

export async function measureCrash(params: { kind: PoolKind; scenario: string }): Promise<number> {
  const result = await runScenarioIsolated(params.kind, params.scenario);
  process.stderr.write(`pool-crash ${params.scenario} ${params.kind}: ${result.outcome} ${result.detail}\n`);
  return result.outcome === 'pass' ? result.ms : BOX_MS;
}

export const suite = Object.assign(
  defineSuite({
    name: 'pool-crash',
    title: 'WorkerPool crash suite vs piscina and tinypool (ms to settle; 2000 = failed)',
    cases: ({ quick }) =>
      Object.entries(SCENARIOS)
        .filter(([name]) => !quick || name === 'throw' || name === 'loop-abort')
        .map(([name, scenario]) => {
          const [ours, ...peers] = POOL_KINDS.map((kind) => contender(import.meta.url, 'measureCrash', { kind, scenario: name }));
          return {
            name: scenario.title,
            unit: 'ms' as const,
            higherIsBetter: false,
            ours: ours!,
            peers: Object.fromEntries(POOL_KINDS.slice(1).map((kind, i) => [kind, peers[i]!])),
            limit: BOX_MS,
            note: `pass = every promise settles within ${BOX_MS} ms as it should, the next task succeeds, the process exits by itself; ${BOX_MS} = did not pass`,
          };
        }),
  }),
  { options: { repetitions: 1, warmup: 0, samples: 1 } },
);
