import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runChildren, runWorkers, until } from './testing.ts';

const ANSWER = fileURLToPath(new URL('./testing/fixtures/answer.ts', import.meta.url));
const WORKER = new URL('./testing/fixtures/double.worker.ts', import.meta.url);
const CHILD = new URL('./testing/fixtures/double.child.ts', import.meta.url);

describe('until', () => {
  test('resolves once the condition holds, else says what it waited for', async () => {
    let n = 0;
    await until(() => ++n > 3, { timeoutMs: 1000, message: 'n to pass 3' });
    await expect(until(() => false, { timeoutMs: 20, message: 'the flag to be raised' })).rejects.toThrow('the flag to be raised (waited 20 ms)');
  });
});

describe.each([
  ['worker threads', runWorkers, WORKER],
  ['child processes', runChildren, CHILD],
] as const)('the answer under test in %s', (_, runIn, file) => {
  test('answers come back in order', async () => {
    expect(await runIn<number>(file, ANSWER, [1, 2, 3], { watchdogMs: 5000, stuck: 'stuck' })).toEqual([2, 4, 6]);
  }, 20_000);

  test("an answer's error keeps its name and message", async () => {
    await expect(runIn(file, ANSWER, [1, -1], { watchdogMs: 5000, stuck: 'stuck' })).rejects.toThrow(/^double: n must be ≥ 0, got -1$/);
  }, 20_000);

  test('the watchdog stops a helper that never answers and says why', async () => {
    await expect(runIn(file, ANSWER, [99], { watchdogMs: 300, stuck: 'double(99) spins forever' })).rejects.toThrow(
      /^double\(99\) spins forever \(no answer within 300 ms; the test stopped the (threads|child processes)\)$/,
    );
  }, 20_000);
});
