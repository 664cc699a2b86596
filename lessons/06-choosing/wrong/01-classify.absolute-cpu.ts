// Wrong: reads cpuUsage() after without the "before" reading, so cpuMs is all the CPU the
// process ever used, not what this work used.
/** CPU time used by the process so far, as `process.cpuUsage()` reports it: microseconds. */
export interface CpuUsage {
  user: number;
  system: number;
}

/** Where `profile()` reads time from. The tests pass fake ones; the default is the real machine. */
export interface Probes {
  /** Wall-clock time in milliseconds (any origin). */
  now(): number;
  /** Like `process.cpuUsage(previous)`: with `previous`, the CPU time used since then. */
  cpuUsage(previous?: CpuUsage): CpuUsage;
}

export interface Profile {
  /** Wall time the work took, ms. */
  wallMs: number;
  /** CPU time the process used meanwhile (user + system, every thread), ms. */
  cpuMs: number;
  /** cpuMs / wallMs (0 when no wall time passed). Above 1: more than one core was busy. */
  cpuShare: number;
  kind: 'io-bound' | 'cpu-bound' | 'mixed';
}

const realProbes: Probes = { now: () => performance.now(), cpuUsage: (previous) => process.cpuUsage(previous) };

export async function profile(work: () => unknown, probes: Probes = realProbes): Promise<Profile> {
  if (typeof work !== 'function') throw new TypeError(`profile: work must be a function, got ${typeof work}`);
  const cpuBefore = probes.cpuUsage();
  const start = probes.now();
  await work();
  const wallMs = probes.now() - start;
  const used = probes.cpuUsage();
  const cpuMs = (used.user + used.system) / 1000;
  const cpuShare = wallMs > 0 ? cpuMs / wallMs : 0;
  const kind = cpuShare >= 0.8 ? 'cpu-bound' : cpuShare <= 0.2 ? 'io-bound' : 'mixed';
  return { wallMs, cpuMs, cpuShare, kind };
}
