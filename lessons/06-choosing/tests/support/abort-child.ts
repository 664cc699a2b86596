// A child process for exercise 4's last test: it runs the answer's runPipeline against its
// own practice server, aborts while a worker is stuck in a computation, closes the server
// and then simply ends its script. With nothing left behind, the process exits by itself;
// a leftover worker thread, socket or timer keeps it alive, and the test sees that.
import { pathToFileURL } from 'node:url';
import { startPracticeServer } from '@interleave/practice-server';

const [implPath] = process.argv.slice(2);
if (implPath === undefined) throw new Error('abort-child: pass the answer file as the first argument');
const { runPipeline } = (await import(pathToFileURL(implPath).href)) as typeof import('../../solutions/04-pipeline.ts');

const server = await startPracticeServer();
// The probe worker tells this server when it starts computing (worker threads get a copy of process.env).
process.env.PROBE_ORIGIN = server.origin;
const controller = new AbortController();
const run = runPipeline(['/block/1', '/block/2', '/block/3'], {
  origin: server.origin,
  rounds: 0,
  fetchConcurrency: 1,
  capacity: 1,
  poolSize: 1,
  signal: controller.signal,
  workerFile: new URL('./probe.worker.ts', import.meta.url),
});
const outcome = run.then(
  () => 'resolved',
  (error: unknown) => (error instanceof Error || error instanceof DOMException ? `rejected: ${error.name}: ${error.message}` : `rejected: ${String(error)}`),
);
const stopWaiting = new AbortController();
const started = server.until((s) => (s.perPath['/started'] ?? 0) >= 1, { timeoutMs: 10_000, what: 'a worker starting to compute', signal: stopWaiting.signal });
started.catch(() => {});
const early = await Promise.race([started.then(() => undefined), outcome]);
if (early !== undefined) {
  // It settled before any worker computed (the stub, say): report that and end.
  process.stdout.write(`${early}\n`);
  stopWaiting.abort();
  await server.close();
  process.exitCode = 3;
} else {
  controller.abort(new DOMException('stop', 'AbortError'));
  const settled = await Promise.race([outcome, new Promise<string>((resolve) => setTimeout(resolve, 5000, 'still pending 5 s after the abort').unref())]);
  process.stdout.write(`${settled}\n`);
  await server.close();
}
// No process.exit(): the process must end because nothing is left running.
