// Worker for demos/02-sending-data.ts: sends back whatever buffer it gets — moved back if it was moved here.
import { parentPort } from 'node:worker_threads';

parentPort!.on('message', (message: { buffer: ArrayBuffer; transfer: boolean }) => {
  parentPort!.postMessage(message, message.transfer ? [message.buffer] : []);
});
