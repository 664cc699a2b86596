// Demo helpers: the same chunked job run on worker threads and on child processes, with
// the time each chunk really ran (epoch ms, so spans from other threads and processes
// line up on one timeline).
import { fork, type ChildProcess } from 'node:child_process';
import type { Worker } from 'node:worker_threads';
import { createWorker } from '@interleave/toolkit';
import { epochMs } from '@interleave/lesson-kit/demo';
import { TASK_RUNNER, type TaskReply } from './task-protocol.ts';
import { TSX_LOADER } from './tsx-loader.ts';

/** A half-open range of numbers. */
export interface Range {
  start: number;
  end: number;
}

/** One chunk as it ran: where, and from when to when (epoch ms). */
export interface ChunkRun {
  lane: string;
  range: Range;
  began: number;
  ended: number;
  value: number;
}

/** What a parallel run measured. */
export interface ParallelRun {
  /** Epoch ms when the run began (before anything was started). */
  t0: number;
  /** Epoch ms when every helper was ready (started and answering). */
  ready: number;
  /** Epoch ms when the last chunk came back. */
  done: number;
  total: number;
  chunks: ChunkRun[];
  /** Epoch ms when each helper (thread or process) was ready, by lane. */
  readyAt: Map<string, number>;
}

const TIMED_TASK = new URL('./tasks/timed-primes.task.ts', import.meta.url).href;
const TIMED_CHILD = new URL('./timed-primes.child.ts', import.meta.url);

interface Helper {
  lane: string;
  send(range: Range): void;
  onReply(fn: (reply: { value: number; began: number; ended: number }) => void): void;
  stop(): Promise<void>;
}

/** Ranges are handed out dynamically: a helper gets the next one when it is free. */
async function run(helpers: Helper[], ranges: readonly Range[], t0: number): Promise<ParallelRun> {
  const chunks: ChunkRun[] = [];
  const readyAt = new Map<string, number>();
  // Ping each helper with an empty range first, to measure start-up apart from work.
  await Promise.all(
    helpers.map(
      (h) =>
        new Promise<void>((resolve) => {
          h.onReply(() => {
            readyAt.set(h.lane, epochMs());
            resolve();
          });
          h.send({ start: 0, end: 0 });
        }),
    ),
  );
  const ready = epochMs();
  let next = 0;
  let total = 0;
  await new Promise<void>((resolve) => {
    let left = ranges.length;
    for (const h of helpers) {
      let current: Range | undefined;
      const feed = (): void => {
        if (next >= ranges.length) return;
        current = ranges[next++]!;
        h.send(current);
      };
      h.onReply((reply) => {
        chunks.push({ lane: h.lane, range: current!, began: reply.began, ended: reply.ended, value: reply.value });
        total += reply.value;
        if (--left === 0) resolve();
        else feed();
      });
      feed();
    }
  });
  const done = epochMs();
  await Promise.all(helpers.map((h) => h.stop()));
  return { t0, ready, done, total, chunks, readyAt };
}

/** Counts primes over `ranges` on `count` fresh worker threads; the threads are stopped after. */
export async function runOnThreads(count: number, ranges: readonly Range[]): Promise<ParallelRun> {
  const t0 = epochMs();
  const helpers: Helper[] = Array.from({ length: count }, (_, i) => {
    const worker: Worker = createWorker(TASK_RUNNER, { workerData: { module: TIMED_TASK } });
    let listener: ((reply: TaskReply<{ value: number; began: number; ended: number }>) => void) | undefined;
    let id = 0;
    return {
      lane: `thread ${i + 1}`,
      send: (range) => worker.postMessage({ id: id++, input: range }),
      onReply: (fn) => {
        if (listener) worker.off('message', listener);
        listener = (reply) => {
          if (!reply.ok) throw reply.error;
          fn(reply.output);
        };
        worker.on('message', listener);
      },
      stop: async () => {
        await worker.terminate();
      },
    };
  });
  return run(helpers, ranges, t0);
}

/** Counts primes over `ranges` in `count` fresh child processes; the children are killed after. */
export async function runInProcesses(count: number, ranges: readonly Range[]): Promise<ParallelRun> {
  const t0 = epochMs();
  const helpers: Helper[] = Array.from({ length: count }, (_, i) => {
    const child: ChildProcess = fork(TIMED_CHILD, [], { execArgv: ['--import', TSX_LOADER] });
    let listener: ((reply: { value: number; began: number; ended: number }) => void) | undefined;
    return {
      lane: `process ${i + 1}`,
      send: (range) => child.send(range),
      onReply: (fn) => {
        if (listener) child.off('message', listener);
        listener = fn;
        child.on('message', listener);
      },
      stop: () =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill();
        }),
    };
  });
  return run(helpers, ranges, t0);
}
