// A private Redis for the lesson's tests and demos: Debian's redis-server on a free port of
// 127.0.0.1, in a fresh temporary folder, with no persistence. Never the system's service,
// never a fixed port, never another host.
//
// Cleaning up must survive every way the caller can end: stop() in a finally, Ctrl-C, an
// uncaught error, and the runner's watchdog killing the test's whole process group with
// SIGKILL. So redis-server is started by a tiny supervisor shell in a session of its own
// (it survives the group kill) whose stdin is a pipe from this process. When this process
// ends, however it ends, the kernel closes that pipe: the supervisor sees end-of-file,
// kills redis-server and removes the folder. stop() simply closes the pipe and waits.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findCommand, MissingCommandError } from '@interleave/lesson-kit/commands';

export interface PrivateRedis {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** The temporary folder redis-server runs in (removed by stop()). */
  readonly dir: string;
  /** The pid of redis-server itself. */
  readonly pid: number;
  /** `{ host, port }` for ioredis and BullMQ. */
  readonly connection: { host: string; port: number };
  /** Stops redis-server and removes its folder; safe to call twice. */
  stop(): Promise<void>;
}

/** The path of redis-server, or undefined when it is not installed. */
export function redisServerPath(): string | undefined {
  return findCommand('redis-server');
}

// The supervisor: start redis-server in the background, print its pid, wait for stdin to
// close, then kill it and remove the folder. Ignoring INT and HUP keeps it alive through a
// Ctrl-C long enough to clean up after the Node process that started it.
const SUPERVISOR = [
  "trap '' INT HUP TERM",
  'dir=$1; shift',
  '"$@" & r=$!',
  'echo "pid $r"',
  'cat >/dev/null',
  'kill -9 $r 2>/dev/null; wait $r 2>/dev/null',
  'rm -rf "$dir"',
].join('\n');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** One PING over a fresh socket: true when the answer is +PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Attempt {
  child: ChildProcess;
  output: () => string;
  pid: Promise<number>;
}

function launch(redisServer: string, dir: string, port: number): Attempt {
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--dir', dir,
    '--save', '',
    '--appendonly', 'no',
    '--daemonize', 'no',
    '--loglevel', 'warning',
    '--protected-mode', 'yes',
  ];
  const child = spawn('sh', ['-c', SUPERVISOR, 'redis-supervisor', dir, redisServer, ...args], {
    detached: true, // its own session: a kill of our process group does not reach it
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  const pid = new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.length > 20_000) out = out.slice(-10_000);
      const m = /^pid (\d+)$/m.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', () => reject(new Error(`the redis supervisor exited before starting redis-server: ${out.trim()}`)));
  });
  pid.catch(() => {});
  child.stderr!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  return { child, output: () => out, pid };
}

function close(attempt: Attempt, timeoutMs = 5000): Promise<void> {
  const { child } = attempt;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.stdin!.end();
  });
}

/**
 * Starts a private redis-server and resolves once it answers PING. Throws a
 * MissingCommandError (one line: how to install it) when redis-server is not on PATH.
 */
export async function startRedis(options: { timeoutMs?: number } = {}): Promise<PrivateRedis> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RangeError(`startRedis: timeoutMs must be a number > 0, got ${timeoutMs}`);
  const redisServer = redisServerPath();
  if (!redisServer) throw new MissingCommandError('redis-server');
  let lastOutput = '';
  for (let tries = 0; tries < 5; tries++) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'interleave-redis-'));
    const port = await freePort();
    const attempt = launch(redisServer, dir, port);
    const deadline = Date.now() + timeoutMs;
    let ready = false;
    let inUse = false;
    while (Date.now() < deadline) {
      if (/Address already in use/i.test(attempt.output())) {
        inUse = true;
        break;
      }
      if (attempt.child.exitCode !== null) break;
      if (await ping(port)) {
        ready = true;
        break;
      }
      await sleep(20);
    }
    if (ready) {
      const pid = await attempt.pid;
      let stopped: Promise<void> | undefined;
      return {
        host: '127.0.0.1',
        port,
        dir,
        pid,
        connection: { host: '127.0.0.1', port },
        stop: () =>
          (stopped ??= close(attempt).then(() => {
            rmSync(dir, { recursive: true, force: true });
          })),
      };
    }
    lastOutput = attempt.output();
    await close(attempt);
    rmSync(dir, { recursive: true, force: true });
    if (!inUse) throw new Error(`redis-server did not answer PING on 127.0.0.1:${port} within ${timeoutMs} ms. Its output: ${lastOutput.trim() || '(none)'}`);
    // Another program took the port between our check and redis-server's bind: try another.
  }
  throw new Error(`redis-server could not bind a free port of 127.0.0.1 in 5 tries. Last output: ${lastOutput.trim()}`);
}
