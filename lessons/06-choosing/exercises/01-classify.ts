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

/**
 * Exercise 1 — waiting or computing? Measure it.
 *
 * `profile(work, probes)` runs `work()` (it may return a promise: await it) and reports how
 * much of its wall time the process spent on a CPU:
 *
 * - `wallMs`: `probes.now()` after minus before.
 * - `cpuMs`: the CPU time used meanwhile — read `probes.cpuUsage()` before, then
 *   `probes.cpuUsage(before)` after (that gives the difference), and add **user and
 *   system** time. Both are in **microseconds**; `cpuMs` is in milliseconds.
 * - `cpuShare`: `cpuMs / wallMs` (0 when `wallMs` is 0). It is above 1 when worker
 *   threads kept more than one core busy: `process.cpuUsage()` counts every thread.
 * - `kind`: `cpuShare >= 0.8` → `'cpu-bound'`; `cpuShare <= 0.2` → `'io-bound'`; else `'mixed'`.
 *
 * Use only the probes you are given (the tests pass fake ones: no real time passes).
 * `work` not a function → `TypeError` naming `work`. `work` rejects → reject with its error.
 *
 * @example
 * ```ts
 * const p = await profile(() => fetch('http://127.0.0.1:8080/slow'));
 * // → { wallMs: 101.3, cpuMs: 2.1, cpuShare: 0.02, kind: 'io-bound' }
 * ```
 */
export async function profile(work: () => unknown, probes: Probes = realProbes): Promise<Profile> {
  // TODO: read cpuUsage and now before; await work(); read both after; compute the four fields.
  throw new Error('Not implemented: profile');
}
