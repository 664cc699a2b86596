// The "worker pool only" way: each worker thread fetches its page AND digests it, one
// page at a time, like a Python thread pool whose threads do everything.
import { threadId } from 'node:worker_threads';
import { defineWorker } from '@interleave/toolkit';
import { digestPage } from './work.ts';

export interface FetchDigestTask {
  readonly url: string;
  readonly path: string;
  readonly rounds: number;
}

export interface FetchDigestResult {
  readonly digest: string;
  readonly threadId: number;
  /** performance.timeOrigin + performance.now() at each step: comparable across threads. */
  readonly fetchStart: number;
  readonly fetchEnd: number;
  readonly end: number;
}

const epoch = (): number => performance.timeOrigin + performance.now();

export const fetchDigest = defineWorker(async (task: FetchDigestTask): Promise<FetchDigestResult> => {
  const fetchStart = epoch();
  const response = await fetch(task.url);
  if (!response.ok) throw new Error(`${response.status} from ${task.path}`);
  const body = await response.text();
  const fetchEnd = epoch();
  const { digest } = digestPage({ path: task.path, body }, task.rounds, threadId);
  return { digest, threadId, fetchStart, fetchEnd, end: epoch() };
});
