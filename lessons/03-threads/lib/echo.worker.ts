// Demo worker: answers every message with the byte length of what arrived, and for a
// SharedArrayBuffer, writes 42 into its first byte — which the sender will see.
import { parentPort } from 'node:worker_threads';

parentPort!.on('message', (data: ArrayBuffer | SharedArrayBuffer) => {
  if (data instanceof SharedArrayBuffer) new Uint8Array(data)[0] = 42;
  parentPort!.postMessage(data.byteLength);
});
