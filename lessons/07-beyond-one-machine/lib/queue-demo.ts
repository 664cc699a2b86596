// What the demos share: worker processes on a private Redis that record one span per job
// (in Redis, with the machine's clock), and the trace built from those spans.
import { fork, type ChildProcess } from 'node:child_process';
import { epochMs } from '@interleave/lesson-kit/demo';
import { tsxExecArgv } from '@interleave/lesson-kit/testing';
import type { Span, Trace } from '@interleave/toolkit';
import type { Redis } from 'ioredis';

const WORKER = new URL('./queue-demo.worker.ts', import.meta.url);

export interface DemoWorkerConfig {
  port: number;
  queue: string;
  lane: string;
  /** A short lock, so a killed worker's job comes back quickly (the stalled demo). */
  lockDuration?: number;
  stalledInterval?: number;
}

/** A span as a worker records it: epoch milliseconds. */
export interface JobSpan {
  lane: string;
  label: string;
  start: number;
  end: number;
}

export interface DemoWorker {
  child: ChildProcess;
  lane: string;
}

/** Starts one worker process and resolves once it is connected and waiting for jobs. */
export function startWorker(config: DemoWorkerConfig): Promise<DemoWorker> {
  const child = fork(WORKER, [JSON.stringify(config)], { execArgv: tsxExecArgv(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker ${config.lane} did not start within 30 s`)), 30_000);
    child.once('message', () => {
      clearTimeout(timer);
      resolve({ child, lane: config.lane });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker ${config.lane} exited with code ${code} before it was ready`));
    });
  });
}

/** Asks every worker to stop (SIGTERM: finish the job in hand, take no more) and waits. */
export async function stopWorkers(workers: readonly DemoWorker[]): Promise<void> {
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.child.exitCode !== null || w.child.signalCode !== null) return resolve();
          const timer = setTimeout(() => w.child.kill('SIGKILL'), 10_000);
          w.child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          w.child.kill('SIGTERM');
        }),
    ),
  );
}

/** The spans the workers wrote to `spans:<queue>`. */
export async function readSpans(redis: Redis, queue: string): Promise<JobSpan[]> {
  return (await redis.lrange(`spans:${queue}`, 0, -1)).map((s) => JSON.parse(s) as JobSpan);
}

/** A trace of the spans, from `from` to `to` (epoch ms), in ms from `from`. */
export function traceOf(spans: readonly JobSpan[], title: string, description: string, from: number, to: number): Trace {
  const kept: Span[] = spans
    .filter((s) => s.end > from && s.start < to)
    .map((s) => ({ lane: s.lane, label: s.label, start: Math.max(0, s.start - from), end: Math.min(to, s.end) - from, state: 'running' as const }))
    .sort((a, b) => a.lane.localeCompare(b.lane) || a.start - b.start);
  return { title, description, unit: 'ms', spans: kept };
}

export { epochMs };
