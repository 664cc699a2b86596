import { describe, expect, it } from 'vitest';
import { Mutex } from '../coordination/mutex.ts';
import { sleep } from '../core/sleep.ts';
import { abortAtEveryAwait } from './abort-at-every-await.ts';

/**
 * A deliberately broken one-slot lock, for proving the harness catches each kind of leak.
 * `flaw` picks the bug.
 */
class FlawedLock {
  locked = false;
  readonly queue: { resolve: () => void; reject: (e: unknown) => void; dead: boolean }[] = [];
  readonly flaw: 'none' | 'keeps-listener' | 'ignores-abort' | 'zombie-waiter' | 'wrong-reason';
  constructor(flaw: FlawedLock['flaw']) {
    this.flaw = flaw;
  }
  get waiting(): number {
    return this.queue.length;
  }
  lock(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (!this.locked) {
      this.locked = true;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const entry = { resolve, reject, dead: false };
      const onAbort = (): void => {
        if (this.flaw === 'ignores-abort') return;
        if (this.flaw !== 'zombie-waiter') this.queue.splice(this.queue.indexOf(entry), 1);
        else entry.dead = true;
        reject(this.flaw === 'wrong-reason' ? new Error('aborted') : signal.reason);
      };
      entry.resolve = () => {
        if (this.flaw !== 'keeps-listener') signal.removeEventListener('abort', onAbort);
        resolve();
      };
      this.queue.push(entry);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }
  release(): void {
    const next = this.queue.shift();
    if (next === undefined) this.locked = false;
    else next.resolve(); // a zombie is "handed" the lock and never gives it back
  }
}

function flawedScenario(flaw: FlawedLock['flaw']) {
  return {
    setup: () => new FlawedLock(flaw),
    async scenario(lock: FlawedLock, signal: AbortSignal) {
      await lock.lock(signal);
      const second = lock.lock(signal).then(() => lock.release());
      await Promise.resolve();
      lock.release();
      await second;
    },
    check(lock: FlawedLock) {
      expect(lock.waiting, 'waiters left').toBe(0);
      expect(lock.locked, 'lock left held').toBe(false);
    },
    settleTimeoutMs: 50,
  };
}

describe('abortAtEveryAwait', () => {
  it('passes a correct primitive and aborts it at every step, before and after it waits', async () => {
    const report = await abortAtEveryAwait({
      setup: () => new Mutex(),
      async scenario(mutex, signal) {
        const held = await mutex.lock({ signal });
        const second = mutex.lock({ signal });
        await Promise.resolve();
        held.release();
        (await second).release();
      },
      check(mutex) {
        expect(mutex.waiting).toBe(0);
        expect(mutex.locked).toBe(false);
      },
    });
    expect(report.steps).toBeGreaterThan(2);
    expect(report.runs).toBe(report.steps + 2);
    expect(report.rejected).toBeGreaterThanOrEqual(2);
    expect(report.fulfilled).toBeGreaterThanOrEqual(1);
  });

  it('the flawless fake passes too (so the failures below are the flaws)', async () => {
    await expect(abortAtEveryAwait(flawedScenario('none'))).resolves.toMatchObject({ runs: expect.any(Number) });
  });

  it('catches an abort listener left on the signal', async () => {
    await expect(abortAtEveryAwait(flawedScenario('keeps-listener'))).rejects.toThrow(/abort listener\(s\) stayed on the signal/);
  });

  it('reports fewer rejections when a wait ignores its signal (the abort never takes effect)', async () => {
    const good = await abortAtEveryAwait(flawedScenario('none'));
    const deaf = await abortAtEveryAwait(flawedScenario('ignores-abort'));
    expect(deaf.runs).toBe(good.runs);
    expect(deaf.rejected).toBeLessThan(good.rejected);
  });

  it('catches a wait that ignores its signal when nothing else would wake it (never settles)', async () => {
    const run = abortAtEveryAwait({
      setup: () => new FlawedLock('ignores-abort'),
      async scenario(lock, signal) {
        await lock.lock(signal);
        // The clean run releases after a turn; once aborted, the scenario stops releasing.
        const second = lock.lock(signal);
        await Promise.resolve();
        if (!signal.aborted) lock.release();
        await second;
        lock.release();
      },
      settleTimeoutMs: 30,
    });
    await expect(run).rejects.toThrow(/never settled .* something waits for ever/);
  });

  it('catches a zombie waiter (rejected but left in the queue)', async () => {
    await expect(abortAtEveryAwait(flawedScenario('zombie-waiter'))).rejects.toThrow(/the check failed/);
  });

  it('catches a rejection that is not the signal reason', async () => {
    await expect(abortAtEveryAwait(flawedScenario('wrong-reason'))).rejects.toThrow(/not with the signal's reason/);
  });

  it('catches a timer left pending after the abort', async () => {
    const leakySleep = (ms: number, signal: AbortSignal): Promise<void> =>
      new Promise((resolve, reject) => {
        setTimeout(resolve, ms); // never cleared
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    const run = abortAtEveryAwait({
      setup: () => undefined,
      scenario: (_, signal) => leakySleep(5, signal),
      step: 'timer',
      // The leaky sleep also keeps its listener when it fulfils; only count timers here.
      maxSteps: 100,
    });
    await expect(run).rejects.toThrow(/timer\(s\) stayed pending|listener/);
  });

  it('passes sleep(), which clears its timer and listener on abort', async () => {
    const report = await abortAtEveryAwait({
      setup: () => undefined,
      scenario: (_, signal) => sleep(3, { signal }),
      step: 'timer',
      maxSteps: 100,
    });
    expect(report.rejected).toBeGreaterThanOrEqual(2);
  });

  it('catches a wait that ignores an already aborted signal', async () => {
    const run = abortAtEveryAwait({
      setup: () => undefined,
      // Never looks at its signal: a pre-aborted signal slips through.
      scenario: async () => {
        await Promise.resolve();
      },
    });
    await expect(run).rejects.toThrow(/aborted before the start the scenario fulfilled/);
  });

  it('lets a scenario opt out of rejecting on an already aborted signal', async () => {
    const report = await abortAtEveryAwait({
      setup: () => undefined,
      scenario: () => Promise.resolve('done without waiting'),
      rejectWhenAbortedBeforeStart: false,
    });
    expect(report.rejected).toBe(0);
  });

  it('says so when the clean run does not settle', async () => {
    const run = abortAtEveryAwait({
      setup: () => undefined,
      scenario: () => new Promise(() => {}),
      maxSteps: 50,
    });
    await expect(run).rejects.toThrow(/did not settle within 50 microtask steps without abort/);
  });
});
