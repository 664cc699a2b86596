import { afterEach, describe, expect, test, vi } from 'vitest';
import { sumInProcesses } from '#impl/07-process-sum';
import { alive } from '@interleave/lesson-kit/testing';
import { childrenGone } from './support/leaks.ts';
import { startRendezvous, type Rendezvous } from './support/rendezvous-server.ts';

const CHILD = new URL('./support/rendezvous-child.ts', import.meta.url);
const SUM_CHILD = new URL('../lib/sum-child.ts', import.meta.url);
/** How long a child waits at the rendezvous for the others (process start-up is slow). */
const RENDEZVOUS_MS = 6000;

let rendezvous: Rendezvous | undefined;

async function meet(parties: number): Promise<Rendezvous> {
  rendezvous = await startRendezvous(parties, RENDEZVOUS_MS);
  process.env.RENDEZVOUS_PORT = String(rendezvous.port);
  return rendezvous;
}

// Starting threads and processes can take seconds on a busy machine; the checks are by
// property, so a generous limit costs nothing when things are fast.
vi.setConfig({ testTimeout: 15_000 });

afterEach(async () => {
  // Never leave a child behind, whatever the answer did.
  for (const pid of rendezvous?.pids ?? []) if (alive(pid)) process.kill(pid, 'SIGKILL');
  await rendezvous?.close();
  rendezvous = undefined;
});

describe('sumInProcesses()', () => {
  test('runs one child process per range, all at the same time (they meet at a rendezvous), and kills them after', async () => {
    const r = await meet(2);
    const total = await Promise.race([
      sumInProcesses(CHILD, [
        { start: 0, end: 10 },
        { start: 10, end: 25 },
      ]),
      r.failed,
    ]);
    expect(total).toBe(25);
    expect(new Set(r.pids).size, 'each range ran in its own process').toBe(2);
    expect(r.pids, 'the work ran in child processes, not in this one').not.toContain(process.pid);
    await childrenGone(r.pids, 4000, 'sumInProcesses() resolved');
  }, 20_000);

  test('adds up real answers from lib/sum-child.ts (primes below 1000: 168)', async () => {
    const total = await sumInProcesses(SUM_CHILD, [
      { start: 0, end: 500 },
      { start: 500, end: 1000 },
    ]);
    expect(total).toBe(168);
  }, 20_000);

  test('a child that exits before answering rejects with its exit code, and the others are killed', async () => {
    // Both meet first (so both pids are known), then one never answers and one exits.
    const r = await meet(2);
    const pending = sumInProcesses(CHILD, [
      { start: 1000, end: 1001 },
      { start: -1, end: 0 },
    ]);
    await expect(Promise.race([pending, r.failed])).rejects.toThrow(/code 7|\b7\b/);
    expect(r.pids).toHaveLength(2);
    await childrenGone(r.pids, 4000, 'sumInProcesses() rejected');
  }, 20_000);

  test("an abort rejects with the signal's reason and kills the children", async () => {
    const r = await meet(1);
    const controller = new AbortController();
    const pending = sumInProcesses(CHILD, [{ start: 1000, end: 1001 }, { start: 1000, end: 1002 }], { signal: controller.signal });
    pending.catch(() => {});
    await r.arrived(2, RENDEZVOUS_MS);
    const reason = new Error('enough');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await childrenGone(r.pids, 4000, 'the signal aborted');
  }, 20_000);

  test('no ranges: 0, without forking', async () => {
    await expect(sumInProcesses(CHILD, [])).resolves.toBe(0);
  });
});
