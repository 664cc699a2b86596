import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Extensions that need tsx inside the worker thread. */
const TYPESCRIPT = /\.(?:ts|mts|cts|tsx)$/i;
const TRAMPOLINE = fileURLToPath(new URL('./worker-trampoline.mjs', import.meta.url));
/** Field of the envelope that carries the real module; must match worker-trampoline.mjs. */
const KEY = '__interleaveTrampoline';

/**
 * Starts a `worker_threads` Worker from a module file, TypeScript included.
 *
 * On Node 20 a worker cannot load a `.ts` file on its own, not even when the parent
 * runs under `tsx` or vitest: neither carries its loader into new threads. For a
 * `.ts` / `.mts` / `.cts` / `.tsx` file this starts a small `.mjs` trampoline that
 * registers tsx in the new thread and then imports your module; `.js` / `.mjs` /
 * `.cjs` files start directly. Your `workerData` (and everything else in `options`,
 * `transferList` included) arrives unchanged.
 *
 * @example
 * ```ts
 * import { createWorker } from '@interleave/toolkit';
 *
 * const worker = createWorker(new URL('./square.worker.ts', import.meta.url), { workerData: 7 });
 * worker.once('message', (answer: number) => {
 *   console.log(answer); // 49, if square.worker.ts posts workerData ** 2
 *   void worker.terminate();
 * });
 * ```
 *
 * @param filename absolute path or `file:` URL of the worker module.
 * @param options the usual `WorkerOptions`; `eval` is not supported.
 * @throws {TypeError} if `filename` is not an absolute path or `file:` URL, or `eval` is set.
 * @throws {Error} if the file does not exist.
 */
export function createWorker(filename: string | URL, options: WorkerOptions = {}): Worker {
  const file = toPath(filename);
  if (options.eval) {
    throw new TypeError('createWorker: options.eval is not supported; pass a module file instead');
  }
  if (!existsSync(file)) {
    throw new Error(`createWorker: filename ${JSON.stringify(file)} does not exist`);
  }
  if (!TYPESCRIPT.test(file)) return new Worker(file, options);
  const { workerData, ...rest } = options;
  return new Worker(TRAMPOLINE, { ...rest, workerData: { [KEY]: file, data: workerData } });
}

function toPath(filename: string | URL): string {
  if (filename instanceof URL) {
    if (filename.protocol !== 'file:') {
      throw new TypeError(`createWorker: filename must be a file: URL, received ${filename.href}`);
    }
    return fileURLToPath(filename);
  }
  if (typeof filename !== 'string') {
    throw new TypeError(`createWorker: filename must be a string or URL, received ${typeof filename}`);
  }
  if (filename.startsWith('file:')) return fileURLToPath(filename);
  if (!path.isAbsolute(filename)) {
    throw new TypeError(
      `createWorker: filename must be absolute (relative paths resolve against the process cwd, not your module), received ${JSON.stringify(filename)}; use new URL('./x.ts', import.meta.url)`,
    );
  }
  return filename;
}
