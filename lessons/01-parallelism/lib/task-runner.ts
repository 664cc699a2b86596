// Worker side of lib/task-protocol.ts: imports the task module named in workerData, then
// answers every { id, input } with one { id, ok, output | error }. Tasks run one after
// another — a worker is one thread, and one thread does one thing at a time.
import { parentPort, workerData } from 'node:worker_threads';
import type { TaskReply, TaskRequest, TaskRunnerData } from './task-protocol.ts';

if (!parentPort) throw new Error('task-runner.ts is a worker module: start it with createWorker(TASK_RUNNER, …)');
const port = parentPort;
const { module } = workerData as TaskRunnerData;
const loaded = (await import(module)) as { task?: (input: unknown) => unknown };
const task = loaded.task;
if (typeof task !== 'function') throw new TypeError(`task-runner: ${module} does not export a function named "task"`);

let chain: Promise<void> = Promise.resolve();
port.on('message', (request: TaskRequest) => {
  chain = chain.then(async () => {
    let reply: TaskReply;
    try {
      reply = { id: request.id, ok: true, output: await task(request.input) };
    } catch (error) {
      reply = { id: request.id, ok: false, error };
    }
    port.postMessage(reply);
  });
});
