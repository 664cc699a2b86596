// Drives the real CLI as a learner would: processes started, keys piped, files edited on disk.
// Commands whose output and exit code we read go through zx; watch mode keeps spawn(), since
// the test holds its stdin and signals it (scripts/README.md: when zx, when child_process).
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { $ } from 'zx/core';

export const scriptsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The scripts under test: this tree, or another checkout's (INTERLEAVE_SCRIPTS) to show a test fails there first. */
const cliDir = process.env.INTERLEAVE_SCRIPTS ? path.resolve(process.env.INTERLEAVE_SCRIPTS) : scriptsDir;
const tmpBase = path.join(scriptsDir, 'test', '.tmp');

/** A copy of a fixture root (with lessons/ in it) inside scripts/, so node_modules resolve. */
export async function fixtureRoot(fixture: 'runner' | 'check'): Promise<string> {
  mkdirSync(tmpBase, { recursive: true });
  const root = path.join(tmpBase, `${fixture}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  cpSync(path.join(scriptsDir, 'test', 'fixtures', fixture), root, { recursive: true });
  const git = $({ cwd: root, quiet: true });
  await git`git init -q`;
  await git`git add -A`;
  await git`git -c user.name=t -c user.email=t@example.invalid commit -qm fixture`;
  return root;
}

export function removeRoot(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

const cliArgs = (script: string): string[] => ['--import', 'tsx/esm', path.join(cliDir, script)];
const quietEnv = (root?: string): NodeJS.ProcessEnv => ({ ...process.env, ...(root ? { INTERLEAVE_ROOT: root } : {}), NO_COLOR: '1', FORCE_COLOR: '0' });

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

async function run(cwd: string, env: NodeJS.ProcessEnv, args: string[], timeoutMs: number): Promise<Ran> {
  const started = performance.now();
  const r = await $({ cwd, env, nothrow: true, quiet: true, timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] })`${process.execPath} ${args}`;
  return { status: r.exitCode, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started };
}

/** Runs `pnpm lesson …` against a fixture root and waits for it to end. */
export function lesson(root: string, args: string[], options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<Ran> {
  return run(root, { ...quietEnv(root), ...options.env }, [...cliArgs('lesson.ts'), ...args], options.timeoutMs ?? 120_000);
}

export function checkLessons(dirs: string[]): Promise<Ran> {
  return run(scriptsDir, quietEnv(), [...cliArgs('check-lessons.ts'), ...dirs], 120_000);
}

/** Watch mode (or any run we signal) with piped stdin: write keys, wait for text to appear. */
export class Session {
  readonly child: ChildProcess;
  output = '';
  #mark = 0;
  #waiters: Array<() => void> = [];

  constructor(root: string, args: string[], env: NodeJS.ProcessEnv = {}) {
    this.child = spawn(process.execPath, [...cliArgs('lesson.ts'), ...args], {
      cwd: root,
      env: { ...quietEnv(root), ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const take = (chunk: Buffer): void => {
      this.output += chunk.toString();
      for (const w of this.#waiters) w();
    };
    this.child.stdout!.on('data', take);
    this.child.stderr!.on('data', take);
  }

  /** Resolves once `pattern` appears in output printed after the last mark(). */
  waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const fresh = this.output.slice(this.#mark);
        const m = pattern.exec(fresh);
        if (!m) return false;
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        clearTimeout(timer);
        resolve(fresh);
        return true;
      };
      const waiter = (): void => void check();
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${pattern}; output since mark:\n${this.output.slice(this.#mark)}`));
      }, timeoutMs);
      if (!check()) this.#waiters.push(waiter);
    });
  }

  /** Later waits only look at output printed from now on. */
  mark(): void {
    this.#mark = this.output.length;
  }

  press(keys: string): void {
    this.child.stdin!.write(keys);
  }

  exited(timeoutMs = 10_000): Promise<number | null> {
    if (this.child.exitCode !== null) return Promise.resolve(this.child.exitCode);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the runner did not exit')), timeoutMs);
      this.child.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}

/** Processes (other than ours) whose working directory is inside `root`, with their command lines. */
export function processesIn(root: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    if (Number(pid) === process.pid) continue;
    try {
      if (readlinkSync(`/proc/${pid}/cwd`).startsWith(root)) found.push(`${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'latin1').replace(/\0/g, ' ').trim()}`);
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

/** Processes whose command line contains `needle` (for a child that changed its directory). */
export function processesRunning(needle: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    if (Number(pid) === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1').replace(/\0/g, ' ');
      if (cmd.includes(needle)) found.push(`${pid} ${cmd.trim()}`);
    } catch {
      // gone
    }
  }
  return found;
}

/** Polls until `check` returns an empty list, or `timeoutMs` passes; returns the last list. */
export async function untilNone(check: () => string[], timeoutMs = 5000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let left = check();
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    left = check();
  }
  return left;
}
