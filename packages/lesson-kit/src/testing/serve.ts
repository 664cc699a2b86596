// The helper's side of runWorkers / runChildren: load the answer under test, say so, wait
// for "go", run one scenario, post exactly one reply. Call it at the top level of a
// worker file (tests/support/*.worker.ts) or a child file (tests/support/*.child.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { GO, type AnswerJob, type Hello, type Ready, type Reply } from './protocol.ts';

interface Channel {
  job(): Promise<AnswerJob>;
  post(message: Ready | Reply<unknown>): Promise<void>;
  nextMessage(): Promise<unknown>;
  done(): void;
}

function threadChannel(): Channel {
  const port = parentPort!;
  return {
    job: async () => workerData as AnswerJob,
    post: async (message) => port.postMessage(message),
    nextMessage: () => new Promise((resolve) => port.once('message', resolve)),
    done: () => {},
  };
}

function processChannel(): Channel {
  const nextMessage = (): Promise<unknown> => new Promise((resolve) => process.once('message', resolve));
  return {
    // Ask for the job once listening, so it cannot arrive before anyone listens.
    job: () => {
      const job = nextMessage() as Promise<AnswerJob>;
      process.send!({ hello: true } satisfies Hello);
      return job;
    },
    post: (message) => new Promise<void>((resolve) => process.send!(message, () => resolve())),
    nextMessage,
    // Close the IPC channel so the child can exit on its own once the scenario is over.
    done: () => process.disconnect?.(),
  };
}

/**
 * Runs `scenario(impl, input)` — `impl` is the loaded module of the answer under test —
 * in this worker thread or child process and posts its result or its error.
 *
 * @example
 * ```ts
 * import { serve } from '@interleave/lesson-kit/testing/serve';
 *
 * // tests/support/double.worker.ts — the whole file:
 * await serve((impl: { double(n: number): number }, n: number) => impl.double(n));
 * ```
 */
export async function serve<M, I, T>(scenario: (impl: M, input: I) => T | Promise<T>): Promise<void> {
  let channel: Channel;
  if (parentPort) channel = threadChannel();
  else if (process.send) channel = processChannel();
  else throw new Error('serve(): run this module in a worker thread (runWorkers) or a child process (runChildren)');
  const { impl, input } = (await channel.job()) as AnswerJob<I>;
  let reply: Reply<T>;
  try {
    const loaded = (await import(pathToFileURL(impl).href)) as M;
    // Start together: say "loaded", then wait for the host's "go", which it sends to every
    // helper once all have loaded — so no time limit inside a scenario counts a peer's start-up.
    const go = channel.nextMessage();
    await channel.post({ ready: true });
    if ((await go) !== GO) throw new Error('serve(): expected "go" from the test');
    reply = { ok: true, value: await scenario(loaded, input) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { ok: false, error: { name: e.name, message: e.message } };
  }
  await channel.post(reply);
  channel.done();
}
