// Child process for demos/04-libuv-pool.ts (plain JavaScript: it starts fast, no loader).
// Starts `calls` copies of one libuv-pool operation at once and prints the total time as JSON.
// The parent sets UV_THREADPOOL_SIZE in this process's environment before it starts.
import { pbkdf2 } from 'node:crypto';
import { randomFillSync } from 'node:crypto';
import { gzip } from 'node:zlib';

const [op, callsText, sizeText] = process.argv.slice(2);
const calls = Number(callsText);
const size = Number(sizeText);
const data = randomFillSync(Buffer.alloc(size));

function once() {
  return new Promise((resolve, reject) => {
    const done = (error) => (error ? reject(error) : resolve());
    if (op === 'pbkdf2') pbkdf2('secret', 'salt', size, 32, 'sha256', done);
    else gzip(data, done);
  });
}

await once(); // warm up: the pool's threads start on first use
const start = performance.now();
await Promise.all(Array.from({ length: calls }, once));
console.log(JSON.stringify({ ms: performance.now() - start }));
