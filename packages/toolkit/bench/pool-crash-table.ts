/**
 * Prints the pool crash suite as a pass/fail table (Markdown) for ours, piscina and
 * tinypool: `npx tsx bench/pool-crash-table.ts`. Every cell runs in its own process.
 */
import { POOL_KINDS } from './pool-adapters.ts';
import { SCENARIOS, runScenarioIsolated } from './pool-crash-scenarios.ts';

const rows: string[] = ['| scenario | ' + POOL_KINDS.join(' | ') + ' |', '|---|' + POOL_KINDS.map(() => '---').join('|') + '|'];
const details: string[] = [];
for (const [name, scenario] of Object.entries(SCENARIOS)) {
  const cells: string[] = [];
  for (const kind of POOL_KINDS) {
    const result = await runScenarioIsolated(kind, name);
    cells.push(result.outcome === 'pass' ? `pass (${Math.round(result.ms)} ms)` : result.outcome);
    if (result.outcome !== 'pass') details.push(`- ${kind}, ${scenario.title}: ${result.outcome}: ${result.detail}`);
    process.stderr.write(`${name} ${kind}: ${result.outcome} ${result.detail}\n`);
  }
  rows.push(`| ${scenario.title} | ${cells.join(' | ')} |`);
}
console.log(rows.join('\n'));
if (details.length > 0) console.log(`\n${details.join('\n')}`);
