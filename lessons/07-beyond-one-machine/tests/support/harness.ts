// What the lesson's tests share: one private Redis per test file, real worker processes that
// run the answer under test, and cleanup that kills every one of them.
import { AssertionError } from 'node:assert';
import { fork, type ChildProcess } from 'node:child_process';
import { implFile } from '@interleave/lesson-kit/impl';
import { exited, tsxExecArgv } from '@interleave/lesson-kit/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { startRedis, type PrivateRedis } from '../../lib/redis.ts';
import { redisMissing } from '../../lib/skip.ts';

export const LESSON = new URL('../../', import.meta.url);
/** Set when redis-server is missing: the tests are skipped with this one line. */
export const MISSING = redisMissing();
if (MISSING) console.log(MISSING);
const REDIS_INSTALLED = 'redis-server is installed';

export { FAST } from './child.ts';

/** What a test says about a worker process: its queue, its name, anything its scenario reads. */
export interface SpawnConfig {
  queue: string;
  name: string;
  [key: string]: unknown;
}

/** What the worker process receives (argv[2], JSON): the above, Redis's port and the answer's file. */
export interface WorkerConfig extends SpawnConfig {
  port: number;
  impl: string;
}

export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  name: string;
  /** Messages the worker sent besides "ready". */
  errors: string[];
}

/**
 * One private Redis for the test file (started before the first test, stopped after the
 * last), and every worker process started through it killed with SIGKILL after the last
 * test. Without redis-server every test that needs it is skipped, with the one line above;
 * on the exercises (not the solutions) one more test fails with that line, so a learner is
 * never told "done" for tests that did not run. Call it inside a describe().
 */
export function useRedis(): { server: () => PrivateRedis; client: () => Redis; spawn: (file: URL, exercise: string, config: SpawnConfig) => Promise<WorkerProcess> } {
  let server: PrivateRedis | undefined;
  let client: Redis | undefined;
  const children: WorkerProcess[] = [];
  beforeAll(async () => {
    if (MISSING) return;
    server = await startRedis();
    client = new Redis({ ...server.connection, maxRetriesPerRequest: 1 });
  }, 20_000);
  beforeEach((ctx) => {
    if (MISSING && ctx.task.name !== REDIS_INSTALLED) ctx.skip();
  });
  if (MISSING && process.env['INTERLEAVE_IMPL'] !== 'solution') {
    // A learner (or a check of the exercises) without redis-server: skipping alone would
    // look like success, so one test fails with the line that says what to install.
    test(REDIS_INSTALLED, () => {
      expect.fail(MISSING);
    });
  }
  afterAll(async () => {
    await Promise.all(children.splice(0).map(async (w) => {
      if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
      await exited(w.child, { timeoutMs: 5000, message: `worker ${w.name} (pid ${w.pid}) did not stop after SIGKILL` });
    }));
    await client?.quit().catch(() => {});
    await server?.stop();
  }, 20_000);
  return {
    server: () => server!,
    client: () => client!,
    spawn: async (file, exercise, config) => {
      const full: WorkerConfig = { ...config, port: server!.port, impl: implFile(LESSON, exercise) };
      const child = fork(file, [JSON.stringify(full)], { execArgv: tsxExecArgv(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      const w: WorkerProcess = { child, pid: child.pid!, name: config.name, errors: [] };
      children.push(w);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`worker ${config.name} did not start within 15 s`)), 15_000);
        child.on('message', (m: { ready?: boolean; error?: string }) => {
          if (m.error) w.errors.push(m.error);
          if (m.ready || m.error) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.once('exit', (code, signal) => {
          clearTimeout(timer);
          resolve(); // the caller looks at errors / the exit code
          void code;
          void signal;
        });
      });
      return w;
    },
  };
}

/**
 * The first item pushed on `list`, waiting at most `timeoutMs`; else fails the test with
 * `message` (an assertion: what the answer should have made happen did not).
 */
export async function pop(redis: Redis, list: string, timeoutMs: number, message: string): Promise<string> {
  const blocking = redis.duplicate();
  try {
    const got = await blocking.blpop(list, timeoutMs / 1000);
    if (!got) throw new AssertionError({ message: `${message} (waited ${timeoutMs} ms)` });
    return got[1];
  } finally {
    blocking.disconnect();
  }
}

/**
 * Polls an asynchronous condition (a Redis read) until it holds; rejects with
 * `"<message> (waited N ms)"`. The kit's until() polls synchronous conditions only.
 */
export async function eventually(condition: () => Promise<boolean>, options: { timeoutMs: number; message: string; intervalMs?: number }): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start >= options.timeoutMs) throw new AssertionError({ message: `${options.message} (waited ${Date.now() - start} ms)` });
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 25));
  }
}
