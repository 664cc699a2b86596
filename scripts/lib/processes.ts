// Nothing the runner starts outlives it. Every test server leads its own process group
// (so one kill reaches vitest and its test workers) and carries a tag in its environment
// that every descendant inherits — also a child an exercise started with
// `{ detached: true }`, which leaves the group and the session, and stays tagged even once
// it is re-parented to init. Ending a server kills its group, then sweeps /proc for the tag.
//
// Every way out of the runner goes through endEverything(): a normal exit, Ctrl-C,
// SIGTERM, SIGHUP and an uncaught error.
import { readFileSync, readdirSync } from 'node:fs';

export const TAG_VARIABLE = 'INTERLEAVE_RUN_TAG';

interface Tracked {
  pid: number;
  tag: string;
}

const tracked = new Map<number, Tracked>();

/** A fresh tag for a process we are about to start. */
export function newTag(): string {
  return `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function track(pid: number, tag: string): void {
  tracked.set(pid, { pid, tag });
}

/** Kills the group led by `pid` and every process that carries `tag`. Synchronous. */
export function endGroup(pid: number, tag: string): void {
  tracked.delete(pid);
  kill(-pid);
  kill(pid);
  for (const other of tagged(tag)) kill(other);
}

/**
 * Processes started under `tag` that are neither `serverPid` nor its direct children (the
 * test workers) — what an exercise left behind. Swept after each run in watch mode.
 */
export function endStragglers(serverPid: number, tag: string): number[] {
  const gone: number[] = [];
  for (const pid of tagged(tag)) {
    if (pid === serverPid || parentOf(pid) === serverPid) continue;
    kill(pid);
    gone.push(pid);
  }
  return gone;
}

/** Kills everything every tracked server started. Synchronous: safe in an 'exit' handler. */
export function endEverything(): void {
  for (const { pid, tag } of [...tracked.values()]) endGroup(pid, tag);
}

function kill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Pids whose environment holds TAG_VARIABLE=tag (Linux; elsewhere the group kill is all). */
function tagged(tag: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const needle = `${TAG_VARIABLE}=${tag}\0`;
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (`${readFileSync(`/proc/${entry}/environ`, 'latin1')}\0`.includes(needle)) found.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // pid (comm) state ppid …; comm may hold spaces and parentheses, so read after the last ')'.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

const SIGNAL_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type Signal = keyof typeof SIGNAL_CODES;
let installed = false;
let onSignal: ((signal: Signal) => number | void) | undefined;

/**
 * What to do first when a signal arrives (watch mode restores the terminal, says goodbye,
 * and ends with 0 as `q` does). Returns the exit code, or nothing for 128 + the signal.
 */
export function whenSignalled(handler: (signal: Signal) => number | void): void {
  onSignal = handler;
}

/**
 * Makes every exit path end every server: Ctrl-C, SIGTERM, SIGHUP, an uncaught error and a
 * normal exit.
 */
export function endEverythingOnExit(): void {
  if (installed) return;
  installed = true;
  process.once('exit', endEverything);
  for (const signal of Object.keys(SIGNAL_CODES) as Signal[]) {
    process.on(signal, () => {
      let code: number = SIGNAL_CODES[signal];
      try {
        code = onSignal?.(signal) ?? code;
      } finally {
        endEverything();
        process.exit(code);
      }
    });
  }
  const crash = (error: unknown): void => {
    endEverything();
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
}
