// The runner's side of the warm vitest (test-server.mjs), with the watchdog: each test
// file gets a wall-clock limit from the moment vitest queues it. When a limit expires the
// whole process group is killed (vitest and every test worker under it), the file is
// recorded as stopped, and the files that had not finished yet are run again in a fresh
// server. It reports raw RunRecords; verdict.ts judges them. No process outlives the
// runner: see processes.ts.
import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TAG_VARIABLE, endEverything, endGroup, endStragglers, newTag, track } from './processes.ts';
import type { ClientMessage, ServerMessage, TestErrorInfo } from './test-protocol.ts';
import type { RunRecord } from './verdict.ts';

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

export interface RunRequest {
  file: string;
  timeoutMs: number;
}

export interface RunOptions {
  /** Files changed on disk since the last run (their cached transforms are dropped). */
  invalidate?: string[];
  onLog?: (file: string | undefined, stream: 'stdout' | 'stderr', content: string) => void;
  /** Called as soon as one file's record is known. */
  onRecord?: (record: RunRecord) => void;
  /** Stops the run: the server is killed if files are still running; they get no record. */
  signal?: AbortSignal;
}

export interface RunResult {
  records: Map<string, RunRecord>;
  /** Errors vitest could not pin on a test (e.g. thrown in a stray timer). */
  unhandled: TestErrorInfo[];
}

const serverPath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'test-server.mjs');
/** The heap limit of each test worker, so running out of memory is quick and can be told apart. */
const HEAP_LIMIT_MB = Number(process.env.INTERLEAVE_HEAP_MB) || 1024;

/** Kills every server this process started, with all of their children. Synchronous. */
export function killAllServers(): void {
  endEverything();
}
process.once('exit', endEverything);

/** One warm vitest process for a lesson and mode. */
export class TestServer {
  readonly options: ServerOptions;
  #child: ChildProcess | undefined;
  #tag = '';
  #ready: Promise<void> | undefined;
  #nextId = 1;
  #listeners = new Set<(message: ServerMessage) => void>();
  #exitListeners = new Set<(why: string) => void>();
  #logDir = mkdtempSync(path.join(os.tmpdir(), 'interleave-log-'));
  #logFile = path.join(this.#logDir, 'console.jsonl');
  #logOffset = 0;
  /** Runs go one after another: a new one waits for the previous to end or be stopped. */
  #queue: Promise<unknown> = Promise.resolve();
  #stderr = '';

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
    const tag = newTag();
    const child = fork(serverPath, [], {
      cwd: lessonDir,
      detached: true,
      execArgv: [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: {
        ...process.env,
        [TAG_VARIABLE]: tag,
        INTERLEAVE_LESSON_DIR: lessonDir,
        INTERLEAVE_IMPL: mode,
        INTERLEAVE_OVERRIDES: JSON.stringify(overrides),
        INTERLEAVE_TEST_TIMEOUT_MS: String(testTimeoutMs),
        INTERLEAVE_LOG_FILE: this.#logFile,
        INTERLEAVE_HEAP_MB: String(HEAP_LIMIT_MB),
        FORCE_COLOR: '0',
      },
    });
    if (child.pid !== undefined) track(child.pid, tag);
    this.#tag = tag;
    this.#stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      if (child === this.#child) this.#stderr = (this.#stderr + chunk.toString()).slice(-4000);
    });
    child.stdout!.resume();
    child.on('message', (message: ServerMessage) => {
      if (child !== this.#child) return;
      for (const listener of this.#listeners) listener(message);
    });
    child.on('exit', (code, signal) => {
      // A server we killed on purpose has already been replaced: its exit is old news.
      if (child !== this.#child) return;
      if (child.pid !== undefined) endGroup(child.pid, tag);
      const why = `test server exited (${signal ?? `code ${code}`})${this.#stderr ? `:\n${this.#stderr}` : ''}`;
      for (const listener of this.#exitListeners) listener(why);
    });
    this.#child = child;
    this.#ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        this.kill();
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

  /** Kills the server and everything under it (and everything it tagged). */
  kill(): void {
    const child = this.#child;
    this.#child = undefined;
    this.#ready = undefined;
    if (child?.pid !== undefined) endGroup(child.pid, this.#tag);
  }

  /** Stops the server politely (lets vitest close), then kills it if it lingers. */
  async close(): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.kill();
        resolve();
      }, 2000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.disconnect();
    });
    this.kill();
  }

  /**
   * Runs the given test files, each under its own wall-clock limit. Files whose run was
   * cut short because another file hung are run again in a fresh server.
   */
  run(requests: RunRequest[], options: RunOptions = {}): Promise<RunResult> {
    const next = this.#queue.then(() => this.#run(requests, options));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #run(requests: RunRequest[], options: RunOptions): Promise<RunResult> {
    const records = new Map<string, RunRecord>();
    const unhandled: TestErrorInfo[] = [];
    let pending = requests.map((r) => ({ ...r, file: path.resolve(this.options.lessonDir, r.file) }));
    let invalidate = options.invalidate ?? [];
    this.#stderr = '';
    while (pending.length > 0 && !options.signal?.aborted) {
      await this.start();
      const hung = await this.#runOnce(pending, invalidate, records, unhandled, options);
      invalidate = [];
      if (!hung) break;
      pending = pending.filter((r) => !records.has(r.file));
    }
    // A test worker that died (out of memory, a crash in native code) takes its file's
    // result with it: vitest only reports "Worker exited unexpectedly". Keep its last words.
    const lost = requests.filter((r) => !records.has(path.resolve(this.options.lessonDir, r.file)));
    if (lost.length > 0 && !options.signal?.aborted && unhandled.length > 0) {
      const died = [this.#stderr, ...unhandled.map((e) => e.message)].join('\n');
      for (const r of lost) {
        const file = path.resolve(this.options.lessonDir, r.file);
        const entry: RunRecord = { kind: 'stopped', file, limitMs: r.timeoutMs, by: 'died', died, heapLimitMb: HEAP_LIMIT_MB };
        records.set(file, entry);
        options.onRecord?.(entry);
      }
    }
    // Whatever an exercise started and left running (a detached child, a stray process)
    // ends with the run; the warm server and its test workers stay.
    const pid = this.#child?.pid;
    if (pid !== undefined) endStragglers(pid, this.#tag);
    return { records, unhandled };
  }

  /** Resolves true when the watchdog killed the server. */
  #runOnce(
    requests: RunRequest[],
    invalidate: string[],
    records: Map<string, RunRecord>,
    unhandled: TestErrorInfo[],
    options: RunOptions,
  ): Promise<boolean> {
    const id = this.#nextId++;
    const limits = new Map(requests.map((r) => [r.file, r.timeoutMs]));
    const timers = new Map<string, NodeJS.Timeout>();
    // A file that is never even queued still must not wait forever.
    const total = requests.reduce((sum, r) => sum + r.timeoutMs, 0) + 30_000;

    return new Promise<boolean>((resolve, reject) => {
      const record = (entry: RunRecord): void => {
        this.#drainLogs(options.onLog);
        records.set(entry.file, entry);
        options.onRecord?.(entry);
      };
      const finish = (hung: boolean): void => {
        this.#drainLogs(options.onLog);
        for (const timer of timers.values()) clearTimeout(timer);
        clearTimeout(overall);
        this.#listeners.delete(onMessage);
        this.#exitListeners.delete(onExit);
        options.signal?.removeEventListener('abort', onAbort);
        resolve(hung);
      };
      const expire = (file: string): void => {
        record({ kind: 'stopped', file, limitMs: limits.get(file) ?? 0, by: 'watchdog' });
        this.kill();
        finish(true);
      };
      const onAbort = (): void => {
        if (requests.some((r) => !records.has(r.file))) this.kill();
        finish(false);
      };
      const overall = setTimeout(() => {
        const stuck = requests.find((r) => !records.has(r.file));
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
            if (limits.has(m.result.file)) record({ kind: 'finished', file: m.result.file, result: m.result });
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
        // Died on its own (not by our watchdog): say so for what had not finished.
        for (const r of requests) {
          if (!records.has(r.file)) record({ kind: 'stopped', file: r.file, limitMs: r.timeoutMs, by: 'died', died: why, heapLimitMb: HEAP_LIMIT_MB });
        }
        this.#child = undefined;
        this.#ready = undefined;
        finish(false);
        unhandled.push({ name: 'Error', message: why, locations: [] });
      };
      this.#listeners.add(onMessage);
      this.#exitListeners.add(onExit);
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const message: ClientMessage = { type: 'run', id, files: requests.map((r) => r.file), invalidate };
      this.#child!.send(message);
    });
  }
}
