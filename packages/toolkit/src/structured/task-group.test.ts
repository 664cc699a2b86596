import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { TaskGroup, TaskGroupClosedError } from './task-group.ts';
import { gate } from '../testing/microtasks.ts';

/** Waits for `until`, or rejects with signal.reason when the signal aborts first. */
function abortable<T>(signal: AbortSignal, until: Promise<T>): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    until.then((v) => {
      signal.removeEventListener('abort', onAbort);
      resolve(v);
    }, reject);
  });
}

const never = new Promise<never>(() => {});

describe('TaskGroup', () => {
  it('join() waits for every child and resolves when none failed', async () => {
    const group = new TaskGroup();
    const gates = [gate<number>(), gate<number>()];
    const results = gates.map((g) => group.spawn(() => g.promise));
    expect(group.size).toBe(2);
    let joined = false;
    const join = group.join().then(() => (joined = true));
    gates[0]!.resolve(1);
    await Promise.resolve();
    expect(joined).toBe(false);
    gates[1]!.resolve(2);
    await join;
    expect(await Promise.all(results)).toEqual([1, 2]);
    expect(group.size).toBe(0);
  });

  it('the first failure aborts the siblings, and join() rejects with an AggregateError of the real failures only', async () => {
    const group = new TaskGroup();
    const boom = new Error('boom');
    const sibling = group.spawn((signal) => abortable(signal, never));
    const failing = gate();
    void group.spawn(() => failing.promise);
    failing.reject(boom);
    const error = await group.join().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AggregateError);
    expect((error as AggregateError).errors).toEqual([boom]);
    expect(group.signal.aborted).toBe(true);
    expect((group.signal.reason as DOMException).name).toBe('AbortError');
    expect((group.signal.reason as DOMException).cause).toBe(boom);
    await expect(sibling).rejects.toBe(group.signal.reason);
  });

  it('gathers every real failure, including one raised while cancelling', async () => {
    const group = new TaskGroup();
    const first = new Error('first');
    const cleanup = new Error('cleanup failed');
    const start = gate();
    void group.spawn(async (signal) => {
      await abortable(signal, never).catch(() => {
        throw cleanup;
      });
    });
    void group.spawn(async () => {
      await start.promise;
      throw first;
    });
    start.resolve();
    const error = (await group.join().catch((e: unknown) => e)) as AggregateError;
    expect(error.errors).toEqual([first, cleanup]);
    expect(error.message).toBe('TaskGroup: 2 tasks failed');
  });

  it('a synchronous throw in a child counts as its failure and does not throw from spawn', async () => {
    const group = new TaskGroup();
    const boom = new Error('sync');
    const p = group.spawn(() => {
      throw boom;
    });
    await expect(p).rejects.toBe(boom);
    await expect(group.join()).rejects.toBeInstanceOf(AggregateError);
  });

  it('children may spawn siblings while join() waits; join waits for them too', async () => {
    const group = new TaskGroup();
    const late = gate();
    let lateDone = false;
    void group.spawn(async () => {
      await Promise.resolve();
      void group.spawn(async () => {
        await late.promise;
        lateDone = true;
      });
    });
    const join = group.join();
    await new Promise((r) => setImmediate(r));
    expect(group.size).toBe(1);
    late.resolve();
    await join;
    expect(lateDone).toBe(true);
  });

  it('a follow-up spawned the moment the last child settles is still waited for', async () => {
    const group = new TaskGroup();
    const followUp = gate();
    let followUpDone = false;
    void group.spawn(async () => 'first').then(() =>
      group.spawn(async () => {
        await followUp.promise;
        followUpDone = true;
      }),
    );
    let joined = false;
    const join = group.join().then(() => (joined = true));
    await new Promise((r) => setImmediate(r));
    expect(joined).toBe(false);
    followUp.resolve();
    await join;
    expect(followUpDone).toBe(true);
  });

  it('spawn after join() finished rejects with TaskGroupClosedError; after an abort with the reason', async () => {
    const closed = new TaskGroup();
    await closed.join();
    await expect(closed.spawn(() => 1)).rejects.toBeInstanceOf(TaskGroupClosedError);
    const aborted = new TaskGroup();
    const reason = new Error('enough');
    aborted.abort(reason);
    let ran = false;
    await expect(aborted.spawn(() => (ran = true))).rejects.toBe(reason);
    expect(ran).toBe(false);
    await aborted.join();
  });

  it('a spawn refused by an aborted group is not an unhandled rejection (join reports the abort)', async () => {
    const group = new TaskGroup();
    group.abort(new Error('stopped'));
    const refused = group.spawn(async () => 1);
    let unhandled = false;
    const onUnhandled = (): void => void (unhandled = true);
    process.on('unhandledRejection', onUnhandled);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toBe(false);
    await expect(refused).rejects.toThrow('stopped');
  });

  it('abort() cancels the children; join() then resolves (cancelled is not failed)', async () => {
    const group = new TaskGroup();
    const child = group.spawn((signal) => abortable(signal, never));
    group.abort();
    await expect(child).rejects.toMatchObject({ name: 'AbortError' });
    await expect(group.join()).resolves.toBeUndefined();
  });

  it('the parent signal aborts every child and join() rejects with its reason, then leaves no listener', async () => {
    const parent = new AbortController();
    const group = new TaskGroup({ signal: parent.signal });
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(1);
    const children = [group.spawn((s) => abortable(s, never)), group.spawn((s) => abortable(s, never))];
    const reason = new Error('shutting down');
    parent.abort(reason);
    for (const c of children) await expect(c).rejects.toBe(reason);
    await expect(group.join()).rejects.toBe(reason);
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(0);
  });

  it('a parent signal already aborted makes spawn reject at once', async () => {
    const reason = new Error('already');
    const group = new TaskGroup({ signal: AbortSignal.abort(reason) });
    await expect(group.spawn(() => 1)).rejects.toBe(reason);
    await expect(group.join()).rejects.toBe(reason);
  });

  it('removes its parent listener when joined normally', async () => {
    const parent = new AbortController();
    const group = new TaskGroup({ signal: parent.signal });
    await group.spawn(async () => 1);
    await group.join();
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(0);
  });

  it('await using joins at the end of the block: no child outlives it', async () => {
    const release = gate();
    let childDone = false;
    const scope = (async () => {
      await using group = new TaskGroup();
      void group.spawn(async () => {
        await release.promise;
        childDone = true;
      });
    })();
    let scopeDone = false;
    void scope.then(() => (scopeDone = true));
    await new Promise((r) => setImmediate(r));
    expect(scopeDone).toBe(false);
    release.resolve();
    await scope;
    expect(childDone).toBe(true);
  });

  it('join() called twice returns the same promise; an un-awaited failing child is not an unhandled rejection', async () => {
    const group = new TaskGroup();
    void group.spawn(async () => {
      throw new Error('reported by join');
    });
    expect(group.join()).toBe(group.join());
    await expect(group.join()).rejects.toBeInstanceOf(AggregateError);
  });

  it('checks its inputs', async () => {
    expect(() => new TaskGroup({ signal: {} as AbortSignal })).toThrow(/options\.signal must be an AbortSignal/);
    await expect(new TaskGroup().spawn(1 as unknown as () => void)).rejects.toThrow(/fn must be a function, got number/);
  });
});
