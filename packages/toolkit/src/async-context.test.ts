// Every primitive that runs a user callback later runs it in the AsyncLocalStorage context
// of the call that asked for it — not in the context of whatever happened to free a slot
// or fire a timer. (A request id kept in AsyncLocalStorage must survive a queue.)
import { AsyncLocalStorage } from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import { createLimiter } from './limiting/create-limiter.ts';
import { pooledMap } from './limiting/pooled-map.ts';
import { retry } from './limiting/retry.ts';
import { TaskGroup } from './structured/task-group.ts';
import { asCompleted } from './structured/as-completed.ts';
import { WorkerPool } from './workers/worker-pool.ts';
import { Semaphore } from './coordination/semaphore.ts';
import { Mutex } from './coordination/mutex.ts';
import { withTimeout } from './core/with-timeout.ts';

const als = new AsyncLocalStorage<number>();
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

describe('AsyncLocalStorage context of callbacks run later', () => {
  it('createLimiter: a queued call runs in the context of its caller (p-limit does the same)', async () => {
    const limit = createLimiter(1);
    const seen = await Promise.all(
      [1, 2, 3].map((id) =>
        als.run(id, () =>
          limit(async () => {
            await tick();
            return als.getStore();
          }),
        ),
      ),
    );
    expect(seen).toEqual([1, 2, 3]);
  });

  it('createLimiter: a queued limit.run call runs in the context of its caller', async () => {
    const limit = createLimiter(1);
    const seen = await Promise.all(
      [1, 2, 3].map((id) =>
        als.run(id, () =>
          limit.run(async () => {
            const before = als.getStore();
            await tick();
            return [before, als.getStore()];
          }),
        ),
      ),
    );
    expect(seen).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it('pooledMap: every call of fn runs in the context of the pooledMap() call, also the ones started after a slot freed', async () => {
    const seen: (number | undefined)[] = [];
    await als.run(7, async () => {
      const iterate = pooledMap(
        [1, 2, 3, 4],
        async (n) => {
          seen.push(als.getStore());
          await tick();
          return n;
        },
        { concurrency: 1 },
      );
      // The consumer runs in another context: fn must still see 7.
      await als.run(99, async () => {
        for await (const _ of iterate);
      });
    });
    expect(seen).toEqual([7, 7, 7, 7]);
  });

  it('TaskGroup: a spawned task runs in the context of its spawn() call', async () => {
    const seen: (number | undefined)[] = [];
    {
      await using group = new TaskGroup();
      for (const id of [1, 2, 3]) {
        void als.run(id, () =>
          group.spawn(async () => {
            await tick();
            seen.push(als.getStore());
          }),
        );
      }
    }
    expect(seen.sort()).toEqual([1, 2, 3]);
  });

  it('retry: every attempt runs in the context of the retry() call, also after a backoff timer', async () => {
    const seen: (number | undefined)[] = [];
    await als.run(5, () =>
      retry(
        async (attempt) => {
          seen.push(als.getStore());
          if (attempt < 3) throw new Error('again');
        },
        { minDelayMs: 1, jitter: 0 },
      ),
    );
    expect(seen).toEqual([5, 5, 5]);
  });

  it('Semaphore, Mutex and withTimeout: the code after a queued acquire runs in the waiter\'s context', async () => {
    const sem = new Semaphore(1);
    const mutex = new Mutex();
    const held = await sem.acquire();
    const lock = await mutex.lock();
    const waits = [1, 2].map((id) =>
      als.run(id, async () => {
        const permit = await sem.acquire();
        const a = als.getStore();
        permit.release();
        const p = await withTimeout((signal) => mutex.lock({ signal }), 10_000);
        const b = als.getStore();
        p.release();
        return [a, b];
      }),
    );
    await als.run(99, async () => {
      held.release();
      lock.release();
    });
    expect(await Promise.all(waits)).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('asCompleted: the consumer keeps its own context', async () => {
    const seen = await als.run(4, async () => {
      const out: (number | undefined)[] = [];
      for await (const _ of asCompleted([tick(), als.run(8, () => tick())])) out.push(als.getStore());
      return out;
    });
    expect(seen).toEqual([4, 4]);
  });

  it('WorkerPool: a task\'s result comes back in the context of its run() call, also when queued behind others', async () => {
    await using pool = new WorkerPool<unknown, unknown>({ filename: new URL('./workers/fixtures/pool.worker.ts', import.meta.url), size: 1 });
    const seen = await Promise.all(
      [1, 2, 3].map((id) =>
        als.run(id, () =>
          pool.run({ op: 'echo', value: id }).then(
            () => als.getStore(),
            () => als.getStore(),
          ),
        ),
      ),
    );
    expect(seen).toEqual([1, 2, 3]);
  });
});
