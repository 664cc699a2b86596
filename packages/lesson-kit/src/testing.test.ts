import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { alive, deferred, exited, flush, observe, processesGone, runChildren, runWorkers, until } from './testing.ts';

const ANSWER = fileURLToPath(new URL('./testing/fixtures/answer.ts', import.meta.url));
const WORKER = new URL('./testing/fixtures/double.worker.ts', import.meta.url);
const CHILD = new URL('./testing/fixtures/double.child.ts', import.meta.url);
// Starting threads and processes that load TypeScript can take many seconds on a busy
// 2-core machine; the start-up limit is not what these tests are about.
const LOADED_MACHINE_MS = 60_000;

describe('until', () => {
  test('resolves once the condition holds, else says what it waited for', async () => {
    let n = 0;
    await until(() => ++n > 3, { timeoutMs: 1000, message: 'n to pass 3' });
    await expect(until(() => false, { timeoutMs: 20, message: 'the flag to be raised' })).rejects.toThrow('the flag to be raised (waited 20 ms)');
  });
});

describe('exited and processesGone', () => {
  test('resolve once a worker or a child has stopped, else reject with the message', async () => {
    const worker = new Worker('setTimeout(() => {}, 60_000)', { eval: true });
    await expect(exited(worker, { timeoutMs: 50, message: 'the worker is still running' })).rejects.toThrow('the worker is still running');
    await worker.terminate();
    await exited(worker, { timeoutMs: 50, message: 'unused' });
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    const pid = child.pid!;
    await expect(processesGone([pid], { timeoutMs: 50, message: (left) => `still running: ${left.join(', ')}` })).rejects.toThrow(`still running: ${pid}`);
    child.kill('SIGKILL');
    await exited(child, { timeoutMs: 5000, message: 'the child did not stop' });
    await processesGone([pid], { timeoutMs: 5000, message: () => 'unused' });
    expect(alive(pid)).toBe(false);
  });
});

describe('observe and flush', () => {
  test('a promise is seen settling once the microtasks ran, a rejection is handled', async () => {
    const d = deferred<number>();
    const watched = observe(d.promise.then((n) => n + 1));
    const failed = observe(Promise.reject(new Error('no')));
    d.resolve(1);
    expect(watched.state).toBe('pending');
    await flush();
    expect([watched.state, watched.value]).toEqual(['fulfilled', 2]);
    expect([failed.state, (failed.reason as Error).message]).toEqual(['rejected', 'no']);
  });
});

describe.each([
  ['worker threads', runWorkers, WORKER],
  ['child processes', runChildren, CHILD],
] as const)('the answer under test in %s', (_, runIn, file) => {
  test('answers come back in order', async () => {
    expect(await runIn<number>(file, ANSWER, [1, 2, 3], { watchdogMs: 5000, stuck: 'stuck', startupMs: LOADED_MACHINE_MS })).toEqual([2, 4, 6]);
  }, 2 * LOADED_MACHINE_MS);

  test("an answer's error keeps its name and message", async () => {
    await expect(runIn(file, ANSWER, [1, -1], { watchdogMs: 5000, stuck: 'stuck', startupMs: LOADED_MACHINE_MS })).rejects.toThrow(/^double: n must be ≥ 0, got -1$/);
  }, 2 * LOADED_MACHINE_MS);

  test('the watchdog stops a helper that never answers and says why', async () => {
    await expect(runIn(file, ANSWER, [99], { watchdogMs: 300, stuck: 'double(99) spins forever', startupMs: LOADED_MACHINE_MS })).rejects.toThrow(
      /^double\(99\) spins forever \(no answer within 300 ms; the test stopped the (threads|child processes)\)$/,
    );
  }, 2 * LOADED_MACHINE_MS);
});
