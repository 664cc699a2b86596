// The worker side of the lesson's CPU stage: one task = one page digested on this thread.
import { threadId } from 'node:worker_threads';
import { defineWorker } from '@interleave/toolkit';
import { digestPage, type Digest, type Page } from './work.ts';

export interface DigestTask {
  readonly page: Page;
  readonly rounds: number;
}

export const digest = defineWorker((task: DigestTask): Digest => digestPage(task.page, task.rounds, threadId));
