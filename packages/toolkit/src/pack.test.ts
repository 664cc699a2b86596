// The toolkit is a real package, not only monorepo source: `pnpm pack` builds it (prepack:
// tsc to dist/, JavaScript + .d.ts) and packs what `files` and `publishConfig.exports` say.
// Here the tarball is unpacked into a fresh plain Node project in a temp dir outside the
// workspace (no network: its one declared dependency, tsx, is linked from this workspace),
// imported by its public entries, run — a lock, a limiter, a worker pool with a plain .mjs
// worker — and type-checked as a user's TypeScript would see it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
let project = '';

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'toolkit-consumer-'));
  const packs = join(project, 'packs');
  mkdirSync(packs);
  execFileSync('pnpm', ['pack', '--pack-destination', packs], { cwd: packageDir, stdio: 'pipe' });
  const tarball = join(packs, readdirSync(packs).find((f) => f.endsWith('.tgz'))!);
  const installed = join(project, 'node_modules', '@interleave', 'toolkit');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', installed, '--strip-components=1']);
  // Only what the package declares is available to it, as after `npm install <tarball>`.
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const dep of Object.keys(manifest.dependencies ?? {})) {
    symlinkSync(realpathSync(join(packageDir, 'node_modules', dep)), join(project, 'node_modules', dep));
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
}, 120_000);

afterAll(() => {
  if (project !== '') rmSync(project, { recursive: true, force: true });
});

describe('the packed toolkit, from a fresh Node project outside the workspace', () => {
  it('holds dist/ (JavaScript, .d.ts, the worker trampoline) and no sources or tests', () => {
    const installed = join(project, 'node_modules', '@interleave', 'toolkit');
    const files = readdirSync(installed, { recursive: true }).map(String);
    expect(files).toEqual(expect.arrayContaining(['dist/mod.js', 'dist/mod.d.ts', 'dist/testing/mod.js', 'dist/workers/worker-trampoline.mjs']));
    expect(files.filter((f) => f.startsWith('src') || f.endsWith('.test.js') || f.startsWith('bench'))).toEqual([]);
  });

  it('imports and runs: a Mutex, a limiter, a WorkerPool with a plain .mjs worker, the testing entry; deep imports are refused', () => {
    writeFileSync(
      join(project, 'square.worker.mjs'),
      "import { defineWorker } from '@interleave/toolkit';\ndefineWorker((n) => n * n);\n",
    );
    writeFileSync(
      join(project, 'main.mjs'),
      [
        "import { Mutex, createLimiter, WorkerPool } from '@interleave/toolkit';",
        "import { countedAbortController } from '@interleave/toolkit/testing';",
        'const mutex = new Mutex();',
        'const permit = await mutex.lock();',
        'permit.release();',
        'const limit = createLimiter(2);',
        'const doubled = await Promise.all([1, 2, 3].map((n) => limit(async () => n * 2)));',
        "const pool = new WorkerPool({ filename: new URL('./square.worker.mjs', import.meta.url), size: 1 });",
        'const squares = await Promise.all([2, 3].map((n) => pool.run(n)));',
        'await pool.close();',
        "let deep = 'resolved';",
        "try { import.meta.resolve('@interleave/toolkit/dist/mod.js'); } catch (e) { deep = e.code; }",
        'console.log(JSON.stringify({ locked: mutex.locked, doubled, squares, counted: typeof countedAbortController, deep }));',
      ].join('\n'),
    );
    const out = execFileSync(process.execPath, ['main.mjs'], { cwd: project, encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(out)).toEqual({ locked: false, doubled: [2, 4, 6], squares: [4, 9], counted: 'function', deep: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
  });

  it('type-checks a consumer against the packed .d.ts, and catches a type error there', () => {
    const check = (code: string): string[] => {
      const file = join(project, 'consumer.ts');
      writeFileSync(file, code);
      const program = ts.createProgram([file], {
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        lib: ['lib.es2023.d.ts', 'lib.esnext.disposable.d.ts'],
        types: ['node'],
        typeRoots: [join(packageDir, 'node_modules', '@types')],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
      });
      return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    };
    expect(check("import { Mutex, createLimiter, type Permit } from '@interleave/toolkit';\nconst p: Promise<Permit> = new Mutex().lock();\nconst l = createLimiter(1);\nvoid p; void l;\n")).toEqual([]);
    expect(check("import { Mutex } from '@interleave/toolkit';\nconst held: string = new Mutex().locked;\nvoid held;\n").join('\n')).toMatch(/boolean.*not assignable to type 'string'/);
  });
});
