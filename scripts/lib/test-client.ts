// The runner's side of the warm vitest (test-server.ts), with the watchdog: each test
// file gets a wall-clock limit from the moment vitest queues it. When a limit expires the
// whole process group is killed (vitest and every test worker under it), the file is
// reported as "did not finish", and the files that had not finished yet are run again in
// a fresh server. No process outlives the runner: see killAllServers().
import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClientMessage, FileResult, ServerMessage, TestErrorInfo } from './test-protocol.ts';

export type Mode = 'exercise' | 'solution';

export interface ServerOptions {
  lessonDir: string;
  mode: Mode;
  /** Exercise name → file (relative to the lesson) to use instead, e.g. a wrong answer. */
  overrides?: Record<string, string>;
  /** vitest's own per-test limit (a promise that never settles); default 5000 ms. */
  testTimeoutMs?: number;
  /** How long the server may take to start before we give up, default 60 s. */
  startTimeoutMs?: number;
}

/** Why a test failed, from the first error of the test. */
export type FailureReason = 'assertion' | 'not-implemented' | 'timeout' | 'error';

export type Outcome =
  | { kind: 'pass'; file: string; result: FileResult }
  | { kind: 'fail'; file: string; result: FileResult; reasons: FailureReason[] }
  /** Did not compile: a syntax error found when the test imported the code. */
  | { kind: 'compile'; file: string; result: FileResult; errors: TestErrorInfo[] }
  /** Did not finish: killed by the watchdog, or a test timed out waiting. */
  | { kind: 'timeout'; file: string; limitMs: number; killed: boolean; result?: FileResult };

export interface RunRequest {
  file: string;
  timeoutMs: number;
}

export interface RunOptions {
  /** Files changed on disk since the last run (their cached transforms are dropped). */
  invalidate?: string[];
  onLog?: (file: string | undefined, stream: 'stdout' | 'stderr', content: string) => void;
  /** Called as soon as one file's outcome is known. */
  onOutcome?: (outcome: Outcome) => void;
}

export interface RunResult {
  outcomes: Map<string, Outcome>;
  /** Errors vitest could not pin on a test (e.g. thrown in a stray timer). */
  unhandled: TestErrorInfo[];
}

const serverPath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'test-server.mjs');
const live = new Set<ChildProcess>();

/** Kills every server this process started, with all of their children. Synchronous. */
export function killAllServers(): void {
  for (const child of live) killTree(child);
  live.clear();
}
process.once('exit', killAllServers);

function killTree(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // The server leads its own process group (detached), so -pid reaches the test workers too.
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

const SYNTAX = /SyntaxError|Transform failed|Parse error|Unexpected token|Expected .* but found|PARSE_ERROR|Failed to parse/i;
const TIMED_OUT = /(Test|Hook) timed out in \d+ms/;

/** Sorts one test error into the reason the learner will read. */
export function reasonOf(error: TestErrorInfo): FailureReason {
  if (TIMED_OUT.test(error.message)) return 'timeout';
  if (/Not implemented/.test(error.message)) return 'not-implemented';
  if (error.name === 'AssertionError' || error.diff !== undefined || /^expected /i.test(error.message)) return 'assertion';
  return 'error';
}

export function classify(result: FileResult, limitMs: number): Outcome {
  const file = result.file;
  if (result.moduleErrors.some((e) => SYNTAX.test(`${e.name} ${e.message}`))) {
    return { kind: 'compile', file, result, errors: result.moduleErrors };
  }
  const failed = result.tests.filter((t) => t.state === 'failed');
  const reasons = failed.map((t) => (t.errors[0] ? reasonOf(t.errors[0]) : 'error'));
  reasons.push(...result.moduleErrors.map(reasonOf));
  if (reasons.includes('timeout')) return { kind: 'timeout', file, limitMs, killed: false, result };
  if (reasons.length > 0 || result.state === 'failed') return { kind: 'fail', file, result, reasons };
  if (result.tests.length === 0) {
    return { kind: 'fail', file, result, reasons: ['error'] };
  }
  return { kind: 'pass', file, result };
}

/** One warm vitest process for a lesson and mode. */
export class TestServer {
  readonly options: ServerOptions;
  #child: ChildProcess | undefined;
  #ready: Promise<void> | undefined;
  #nextId = 1;
  #listeners = new Set<(message: ServerMessage) => void>();
  #exitListeners = new Set<(why: string) => void>();
  #logDir = mkdtempSync(path.join(os.tmpdir(), 'interleave-log-'));
  #logFile = path.join(this.#logDir, 'console.jsonl');
  #logOffset = 0;

  constructor(options: ServerOptions) {
    this.options = options;
    writeFileSync(this.#logFile, '');
    process.once('exit', () => rmSync(this.#logDir, { recursive: true, force: true }));
  }

  /** Hands the learner's console output written since the last call to onLog. */
  #drainLogs(onLog: RunOptions['onLog']): void {
    const fd = openSync(this.#logFile, 'r');
    try {
      const chunks: Buffer[] = [];
      const buffer = Buffer.alloc(64 * 1024);
      let n: number;
      while ((n = readSync(fd, buffer, 0, buffer.length, this.#logOffset)) > 0) {
        chunks.push(Buffer.from(buffer.subarray(0, n)));
        this.#logOffset += n;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      // A line cut by a kill mid-write is dropped rather than misparsed.
      for (const line of text.split('\n')) {
        if (!line) continue;
        try {
          const entry = JSON.parse(line) as { file?: string; stream: 'stdout' | 'stderr'; content: string };
          onLog?.(entry.file, entry.stream, entry.content);
        } catch {
          // partial line
        }
      }
    } finally {
      closeSync(fd);
    }
  }

  /** Starts the process (again, after a kill) and resolves once vitest is ready. */
  start(): Promise<void> {
    if (this.#ready && this.#child && this.#child.exitCode === null && this.#child.signalCode === null) return this.#ready;
    const { lessonDir, mode, overrides = {}, testTimeoutMs = 5000, startTimeoutMs = 60_000 } = this.options;
    const child = fork(serverPath, [], {
      cwd: lessonDir,
      detached: true,
      execArgv: [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: {
        ...process.env,
        INTERLEAVE_LESSON_DIR: lessonDir,
        INTERLEAVE_IMPL: mode,
        INTERLEAVE_OVERRIDES: JSON.stringify(overrides),
        INTERLEAVE_TEST_TIMEOUT_MS: String(testTimeoutMs),
        INTERLEAVE_LOG_FILE: this.#logFile,
        FORCE_COLOR: '0',
      },
    });
    live.add(child);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.stdout!.resume();
    child.on('message', (message: ServerMessage) => {
      if (child !== this.#child) return;
      for (const listener of this.#listeners) listener(message);
    });
    child.on('exit', (code, signal) => {
      live.delete(child);
      // A server we killed on purpose has already been replaced: its exit is old news.
      if (child !== this.#child) return;
      const why = `test server exited (${signal ?? `code ${code}`})${stderr ? `:\n${stderr}` : ''}`;
      for (const listener of this.#exitListeners) listener(why);
    });
    this.#child = child;
    this.#ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        killTree(child);
        reject(new Error(`vitest did not start within ${startTimeoutMs} ms in ${lessonDir}`));
      }, startTimeoutMs);
      const onMessage = (m: ServerMessage): void => {
        if (m.type === 'ready') {
          cleanup();
          resolve();
        }
      };
      const onExit = (why: string): void => {
        cleanup();
        reject(new Error(why));
      };
      const cleanup = (): void => {
        clearTimeout(timer);
        this.#listeners.delete(onMessage);
        this.#exitListeners.delete(onExit);
      };
      this.#listeners.add(onMessage);
      this.#exitListeners.add(onExit);
    });
    return this.#ready;
  }

  /** Kills the server and everything under it. */
  kill(): void {
    if (this.#child) killTree(this.#child);
    this.#child = undefined;
    this.#ready = undefined;
  }

  /** Stops the server politely (lets vitest close), then kills it if it lingers. */
  async close(): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        killTree(child);
        resolve();
      }, 2000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.disconnect();
    });
    this.#child = undefined;
    this.#ready = undefined;
  }

  /**
   * Runs the given test files, each under its own wall-clock limit. Files whose run was
   * cut short because another file hung are run again in a fresh server.
   */
  async run(requests: RunRequest[], options: RunOptions = {}): Promise<RunResult> {
    const outcomes = new Map<string, Outcome>();
    const unhandled: TestErrorInfo[] = [];
    let pending = requests.map((r) => ({ ...r, file: path.resolve(this.options.lessonDir, r.file) }));
    let invalidate = options.invalidate ?? [];
    while (pending.length > 0) {
      await this.start();
      const hung = await this.#runOnce(pending, invalidate, outcomes, unhandled, options);
      invalidate = [];
      if (!hung) break;
      pending = pending.filter((r) => !outcomes.has(r.file));
    }
    return { outcomes, unhandled };
  }

  /** Resolves true when the watchdog killed the server. */
  #runOnce(
    requests: RunRequest[],
    invalidate: string[],
    outcomes: Map<string, Outcome>,
    unhandled: TestErrorInfo[],
    options: RunOptions,
  ): Promise<boolean> {
    const id = this.#nextId++;
    const limits = new Map(requests.map((r) => [r.file, r.timeoutMs]));
    const timers = new Map<string, NodeJS.Timeout>();
    // A file that is never even queued still must not wait forever.
    const total = requests.reduce((sum, r) => sum + r.timeoutMs, 0) + 30_000;

    return new Promise<boolean>((resolve, reject) => {
      const record = (outcome: Outcome): void => {
        this.#drainLogs(options.onLog);
        outcomes.set(outcome.file, outcome);
        options.onOutcome?.(outcome);
      };
      const finish = (hung: boolean): void => {
        this.#drainLogs(options.onLog);
        for (const timer of timers.values()) clearTimeout(timer);
        clearTimeout(overall);
        this.#listeners.delete(onMessage);
        this.#exitListeners.delete(onExit);
        resolve(hung);
      };
      const expire = (file: string): void => {
        const limitMs = limits.get(file) ?? 0;
        record({ kind: 'timeout', file, limitMs, killed: true });
        this.kill();
        finish(true);
      };
      const overall = setTimeout(() => {
        const stuck = requests.find((r) => !outcomes.has(r.file));
        if (stuck) expire(stuck.file);
        else finish(false);
      }, total);
      const onMessage = (m: ServerMessage): void => {
        switch (m.type) {
          case 'queued': {
            const limit = limits.get(m.file);
            if (limit !== undefined && !timers.has(m.file)) timers.set(m.file, setTimeout(() => expire(m.file), limit));
            break;
          }
          case 'file-end': {
            clearTimeout(timers.get(m.result.file));
            const limit = limits.get(m.result.file);
            if (limit !== undefined) record(classify(m.result, limit));
            break;
          }
          case 'log':
            options.onLog?.(m.file, m.stream, m.content);
            break;
          case 'run-end-errors':
            unhandled.push(...m.errors);
            break;
          case 'run-end':
            if (m.id === id) finish(false);
            break;
          case 'fatal':
            if (m.id === id) {
              finish(false);
              reject(new Error(`vitest failed: ${m.error.message}`));
            }
            break;
        }
      };
      const onExit = (why: string): void => {
        // Died on its own (not by our watchdog): report what had not finished.
        for (const r of requests) {
          if (!outcomes.has(r.file)) record({ kind: 'timeout', file: r.file, limitMs: r.timeoutMs, killed: true });
        }
        this.#child = undefined;
        this.#ready = undefined;
        finish(false);
        unhandled.push({ name: 'Error', message: why, locations: [] });
      };
      this.#listeners.add(onMessage);
      this.#exitListeners.add(onExit);
      const message: ClientMessage = { type: 'run', id, files: requests.map((r) => r.file), invalidate };
      this.#child!.send(message);
    });
  }
}
