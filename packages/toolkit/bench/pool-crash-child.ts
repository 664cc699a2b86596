/** One crash scenario for one pool in a fresh process: `pool-crash-child.ts <pool> <scenario>`. Prints `SCENARIO <json>`, then must exit by itself. */
import type { PoolKind } from './pool-adapters.ts';
import { runScenario } from './pool-crash-scenarios.ts';

// After a scenario has failed, tasks it no longer awaits may reject when the pool is
// destroyed; the scenario's own checks already decided the outcome, so such late
// rejections must not crash this process before it reports.
process.on('unhandledRejection', () => {});

const [kind, name] = process.argv.slice(2);
const result = await runScenario(kind as PoolKind, name ?? '');
process.stdout.write(`SCENARIO ${JSON.stringify(result)}\n`);
