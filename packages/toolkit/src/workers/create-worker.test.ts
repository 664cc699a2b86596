import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createWorker } from './create-worker.ts';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

async function firstMessage(worker: Worker): Promise<unknown> {
  try {
    const [message] = (await Promise.race([
      once(worker, 'message'),
      once(worker, 'error').then(([error]) => Promise.reject(error as Error)),
    ])) as [unknown];
    return message;
  } finally {
    await worker.terminate();
  }
}

describe('createWorker()', () => {
  it('starts a .ts worker and hands it the caller\'s workerData unchanged', async () => {
    const data = { n: 42, bytes: new Uint8Array([1, 2, 3]) };
    const message = await firstMessage(createWorker(fixture('echo-data.worker.ts'), { workerData: data }));
    expect(message).toEqual({ imported: data, required: data, typed: 'typescript' });
  });

  it('starts a .ts worker from an absolute path string', async () => {
    const file = fileURLToPath(fixture('echo-data.worker.ts'));
    const message = await firstMessage(createWorker(file, { workerData: 'plain' }));
    expect(message).toMatchObject({ imported: 'plain', required: 'plain' });
  });

  it('starts a .mjs worker directly, without the trampoline', async () => {
    const message = await firstMessage(createWorker(fixture('echo-data.worker.mjs'), { workerData: [1] }));
    expect(message).toEqual({ imported: [1], required: [1], typed: 'javascript' });
  });

  it('transfers what transferList names', async () => {
    const buffer = new ArrayBuffer(8);
    const message = await firstMessage(
      createWorker(fixture('echo-data.worker.ts'), { workerData: buffer, transferList: [buffer] }),
    );
    expect(buffer.byteLength).toBe(0); // detached here: it moved to the worker
    expect((message as { imported: ArrayBuffer }).imported.byteLength).toBe(8);
  });

  it('reports an error thrown while the .ts module loads as the worker\'s error event', async () => {
    await expect(firstMessage(createWorker(fixture('throws-at-start.worker.ts')))).rejects.toThrow('boom at start');
  });

  it('rejects a relative path, naming the parameter and value', () => {
    expect(() => createWorker('./fixtures/echo-data.worker.ts')).toThrow(
      /filename must be absolute.*"\.\/fixtures\/echo-data\.worker\.ts"/,
    );
  });

  it('rejects a missing file and a non-file URL', () => {
    expect(() => createWorker(path.join(import.meta.dirname, 'nope.worker.ts'))).toThrow(/does not exist/);
    expect(() => createWorker(new URL('https://example.com/x.ts'))).toThrow(TypeError);
  });
});
