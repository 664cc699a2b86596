// The CPU work one job does in the demos: a fixed amount of hashing (the same work every
// time, whatever the clock says), so more processes can only help if there are free cores.
import { createHash } from 'node:crypto';

const BLOCK = Buffer.alloc(1024, 7);

/** Hashes a 1 KiB block `rounds` times, chaining the digests; returns the last one's first byte. */
export function work(rounds: number): number {
  let digest: Buffer = BLOCK;
  for (let i = 0; i < rounds; i++) digest = createHash('sha256').update(digest).update(BLOCK).digest();
  return digest[0]!;
}
