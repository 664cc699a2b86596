// Our loop must print, event for event, what CPython's asyncio printed for the same
// program (the .out files, recorded by record.ts). And a virtual-clock run is repeatable:
// the same trace 100 times out of 100.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EventLoop } from '../event-loop.ts';
import type { Coroutine } from '../future.ts';
import { LoopRecorder } from '../loop-recorder.ts';

const dir = dirname(fileURLToPath(import.meta.url));
const scenarios = readdirSync(dir).filter((f) => /^\d\d-.*\.py$/.test(f)).map((f) => f.replace(/\.py$/, '')).sort();
const pythonVersion = readFileSync(join(dir, 'PYTHON_VERSION'), 'utf8').trim();

type Scenario = { main: (print: (line: string) => void) => Coroutine<void> };

async function runOurs(name: string, recorder?: LoopRecorder): Promise<string[]> {
  const { main } = (await import(/* @vite-ignore */ pathToFileURL(join(dir, `${name}.ts`)).href)) as Scenario;
  const lines: string[] = [];
  const loop = new EventLoop(recorder === undefined ? {} : { recorder });
  await loop.runUntilComplete(main((line) => lines.push(line)));
  loop.close();
  return lines;
}

describe(`golden scenarios: our loop prints what CPython ${pythonVersion}'s asyncio printed`, () => {
  it('has at least 12 scenarios, each with a .py, a .ts and a recorded .out', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(12);
    for (const name of scenarios) {
      expect(readdirSync(dir)).toContain(`${name}.ts`);
      expect(readdirSync(dir)).toContain(`${name}.out`);
    }
  });

  for (const name of scenarios) {
    it(name, async () => {
      const expected = readFileSync(join(dir, `${name}.out`), 'utf8').split('\n').slice(0, -1);
      expect(expected.length).toBeGreaterThan(0);
      expect(await runOurs(name)).toEqual(expected);
    });
  }
});

describe('virtual-clock runs are repeatable', () => {
  it('every scenario gives the same iterations, callbacks and output 100 times out of 100', async () => {
    for (const name of scenarios) {
      const traces = new Set<string>();
      for (let run = 0; run < 100; run++) {
        const recorder = new LoopRecorder();
        const output = await runOurs(name, recorder);
        traces.add(JSON.stringify({ output, iterations: recorder.iterations, steps: recorder.steps }));
      }
      expect(traces.size, name).toBe(1);
    }
  });
});
