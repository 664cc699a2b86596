// Drives the real CLI as a learner would: spawned processes, piped keys, files edited on disk.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const scriptsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmpBase = path.join(scriptsDir, 'test', '.tmp');

/** A copy of a fixture root (with lessons/ in it) inside scripts/, so node_modules resolve. */
export function fixtureRoot(fixture: 'runner' | 'check'): string {
  mkdirSync(tmpBase, { recursive: true });
  const root = path.join(tmpBase, `${fixture}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  cpSync(path.join(scriptsDir, 'test', 'fixtures', fixture), root, { recursive: true });
  const git = (...args: string[]): void => {
    execFileSync('git', args, { cwd: root, stdio: 'ignore' });
  };
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-qm', 'fixture');
  return root;
}

export function removeRoot(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

const cliArgs = (script: string): string[] => ['--import', 'tsx/esm', path.join(scriptsDir, script)];

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `pnpm lesson …` against a fixture root and waits for it to end. */
export function lesson(root: string, args: string[], timeoutMs = 120_000): Ran {
  const started = performance.now();
  const r = spawnSync(process.execPath, [...cliArgs('lesson.ts'), ...args], {
    cwd: root,
    env: { ...process.env, INTERLEAVE_ROOT: root, NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    timeout: timeoutMs,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started };
}

export function checkLessons(dirs: string[]): Ran {
  const started = performance.now();
  const r = spawnSync(process.execPath, [...cliArgs('check-lessons.ts'), ...dirs], {
    cwd: scriptsDir,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started };
}

/** Watch mode with piped stdin: write keys, wait for text to appear. */
export class Session {
  readonly child: ChildProcess;
  output = '';
  #mark = 0;
  #waiters: Array<() => void> = [];

  constructor(root: string, args: string[]) {
    this.child = spawn(process.execPath, [...cliArgs('lesson.ts'), ...args], {
      cwd: root,
      env: { ...process.env, INTERLEAVE_ROOT: root, NO_COLOR: '1', FORCE_COLOR: '0' },
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

/** Processes (other than ours) whose working directory is inside `root`. */
export function processesIn(root: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    if (Number(pid) === process.pid) continue;
    try {
      if (readlinkSync(`/proc/${pid}/cwd`).startsWith(root)) found.push(pid);
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}
