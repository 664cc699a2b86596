// The first module of every worker that createWorker() starts from a .ts file.
//
// Node 20 cannot load a .ts module in a worker thread by itself, and neither the
// tsx CLI nor vitest carries its loader into new threads. This file is plain
// JavaScript, so Node can start it anywhere; it registers tsx's ESM hooks in this
// thread, puts the caller's own workerData back where the worker module expects
// it, and only then imports the real module.
//
// tsx is resolved from here, i.e. from @interleave/toolkit's own dependencies, so
// a lesson package does not need tsx to spawn a .ts worker.
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const threads = require('node:worker_threads');
const envelope = threads.workerData;
const KEY = '__interleaveTrampoline';

if (envelope === null || typeof envelope !== 'object' || typeof envelope[KEY] !== 'string') {
  throw new Error('worker-trampoline.mjs: started without a target module; start workers with createWorker() from @interleave/toolkit');
}

const target = envelope[KEY];
// Restore the caller's workerData, for `require('node:worker_threads').workerData`
// and for `import { workerData } from 'node:worker_threads'` alike.
threads.workerData = envelope.data;
syncBuiltinESMExports();

const { register } = await import('tsx/esm/api');
register();

await import(target.startsWith('file:') ? target : pathToFileURL(target).href);
