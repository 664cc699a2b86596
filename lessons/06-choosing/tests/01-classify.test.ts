import { expect, test } from 'vitest';
import { profile, type CpuUsage, type Probes } from '#impl/01-classify';

/**
 * A fake machine: a wall clock and CPU counters that move only when the work says so.
 * It has already used 5 s of CPU before the test (a real process has, too).
 */
function fakeMachine() {
  const m = { wallMs: 1000, user: 5_000_000, system: 300_000 };
  const probes: Probes = {
    now: () => m.wallMs,
    cpuUsage: (previous?: CpuUsage) => ({ user: m.user - (previous?.user ?? 0), system: m.system - (previous?.system ?? 0) }),
  };
  return {
    probes,
    /** Time passes, no CPU is used: waiting for the network. */
    wait: (ms: number) => void (m.wallMs += ms),
    /** Time passes on `threads` cores at once, all in user code (or in the kernel with `system`). */
    compute: (ms: number, { threads = 1, system = false } = {}) => {
      m.wallMs += ms;
      if (system) m.system += ms * 1000 * threads;
      else m.user += ms * 1000 * threads;
    },
  };
}

test('waiting 90 ms and computing 10 ms is I/O-bound: cpuShare 0.1', async () => {
  const m = fakeMachine();
  const p = await profile(async () => {
    m.wait(90);
    await Promise.resolve();
    m.compute(10);
  }, m.probes);
  expect(p.wallMs, 'wallMs comes from probes.now(), after minus before').toBe(100);
  expect(p.cpuMs, 'cpuMs is the CPU used during the work (cpuUsage(before)), in ms — cpuUsage gives microseconds').toBeCloseTo(10, 6);
  expect(p.cpuShare).toBeCloseTo(0.1, 6);
  expect(p.kind).toBe('io-bound');
});

test('computing the whole time is CPU-bound: cpuShare 1', async () => {
  const m = fakeMachine();
  const p = await profile(() => m.compute(200), m.probes);
  expect(p).toMatchObject({ wallMs: 200, kind: 'cpu-bound' });
  expect(p.cpuShare).toBeCloseTo(1, 6);
});

test('half and half is mixed', async () => {
  const m = fakeMachine();
  const p = await profile(async () => {
    m.compute(50);
    m.wait(50);
  }, m.probes);
  expect(p.kind, `cpuShare ${p.cpuShare}: between 0.2 and 0.8 is 'mixed'`).toBe('mixed');
});

test('CPU time in the kernel counts too: 10 ms user + 80 ms system in 100 ms is CPU-bound', async () => {
  const m = fakeMachine();
  const p = await profile(async () => {
    m.compute(10);
    m.compute(80, { system: true });
    m.wait(10);
  }, m.probes);
  expect(p.cpuMs, 'add user AND system time').toBeCloseTo(90, 6);
  expect(p.kind).toBe('cpu-bound');
});

test('two worker threads busy for 100 ms: cpuShare 2 (two cores), CPU-bound', async () => {
  const m = fakeMachine();
  const p = await profile(() => m.compute(100, { threads: 2 }), m.probes);
  expect(p.cpuShare, 'process.cpuUsage() counts every thread of the process').toBeCloseTo(2, 6);
  expect(p.kind).toBe('cpu-bound');
});

test('no wall time at all: cpuShare 0, not NaN or Infinity', async () => {
  const m = fakeMachine();
  const p = await profile(() => undefined, m.probes);
  expect(p).toEqual({ wallMs: 0, cpuMs: 0, cpuShare: 0, kind: 'io-bound' });
});

test('a work that rejects rejects profile() with its error; a non-function is a TypeError naming work', async () => {
  const m = fakeMachine();
  await expect(profile(async () => { throw new Error('boom'); }, m.probes)).rejects.toThrow('boom');
  await expect((async () => profile(42 as unknown as () => unknown, m.probes))()).rejects.toThrow(TypeError);
  await expect((async () => profile('x' as unknown as () => unknown, m.probes))()).rejects.toThrow(/work/);
});
