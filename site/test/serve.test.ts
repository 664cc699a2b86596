// `pnpm site --serve`: serves on 127.0.0.1, rebuilds on change and tells open pages to
// reload (server-sent events). Runs the real CLI on a copy of the fixture course.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'interleave-site-serve-'));
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
});

/** Resolves with the first stdout line matching `pattern`; rejects if the process exits first. */
function waitForLine(proc: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString();
      const m = pattern.exec(buffer);
      if (m) {
        proc.stdout!.off('data', onData);
        resolve(m);
      }
    };
    proc.stdout!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`pnpm site --serve exited (${code}) before printing ${pattern}; output: ${buffer}`)));
  });
}

function get(url: string): Promise<{ status: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type']) }));
    }).on('error', reject);
  });
}

it('serves on 127.0.0.1, rebuilds on a change and sends pages a reload event', async () => {
  const root = path.join(tmp, 'root');
  cpSync(path.join(here, 'fixtures', 'root'), root, { recursive: true });
  child = spawn(process.execPath, ['--import', 'tsx/esm', path.join(repo, 'site', 'src', 'cli.ts'), '--serve', '--port', '0', '--out', path.join(tmp, 'out')], {
    cwd: path.join(repo, 'site'),
    env: { ...process.env, INTERLEAVE_ROOT: root },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [, url] = await waitForLine(child, /serving (http:\/\/127\.0\.0\.1:\d+\/)/);
  const page = await get(`${url}00-basics.html`);
  expect(page.status).toBe(200);
  expect(page.type).toContain('text/html');
  expect(page.body).toContain("new EventSource('/__events')");
  expect((await get(`${url}nope.html`)).status).toBe(404);
  expect((await get(`${url}..%2f..%2fpackage.json`)).status).toBe(403);

  const readme = path.join(root, 'lessons', '00-basics', 'README.md');
  const reloaded = new Promise<void>((resolve, reject) => {
    http.get(`${url}__events`, (res) => {
      res.on('data', (c: Buffer) => {
        if (c.toString().includes('data: reload')) {
          res.destroy();
          resolve();
        }
        // The first chunk is the comment that says the stream is open: now edit the lesson.
        else writeFileSync(readme, readFileSync(readme, 'utf8').replace('## Summary', '## Summary, edited'));
      });
    }).on('error', reject);
  });
  await reloaded;
  expect((await get(`${url}00-basics.html`)).body).toContain('Summary, edited');
});

it('rejects a bad option with exit status 2 and says what is wrong', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx/esm', path.join(repo, 'site', 'src', 'cli.ts'), '--port', 'eighty'], { cwd: path.join(repo, 'site'), encoding: 'utf8' });
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('--port must be an integer 0–65535, got "eighty"');
  expect(run.stderr).toContain('usage: pnpm site');
});
