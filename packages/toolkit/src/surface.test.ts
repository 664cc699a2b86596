// The package's surface is its `exports` list: a lesson (or any consumer) imports
// `@interleave/toolkit` or `@interleave/toolkit/testing`, never a file inside the package.
// Three checks hold that rule, from every lesson folder that depends on the toolkit:
// Node's resolver refuses a deep import (ERR_PACKAGE_PATH_NOT_EXPORTED), TypeScript's
// resolver (what `check-types` uses) cannot resolve it, and no lesson source names one.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
const repo = dirname(dirname(packageDir));
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };

/** The public entries, as import specifiers. */
const ENTRIES = Object.keys(manifest.exports).map((key) => `@interleave/toolkit${key.slice(1)}`);
const DEEP = ['@interleave/toolkit/src/coordination/mutex.ts', '@interleave/toolkit/src/mod.ts', '@interleave/toolkit/src/internal/deque.ts'];

const lessons = readdirSync(join(repo, 'lessons'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(repo, 'lessons', entry.name, 'package.json')))
  .map((entry) => join(repo, 'lessons', entry.name))
  .filter((dir) => readFileSync(join(dir, 'package.json'), 'utf8').includes('"@interleave/toolkit"'));

/** Resolves each specifier with Node's ESM resolver from `dir`; returns the error code or 'ok'. */
function nodeResolve(dir: string, specifiers: readonly string[]): string[] {
  const script = `for (const s of ${JSON.stringify(specifiers)}) { try { import.meta.resolve(s); console.log('ok'); } catch (e) { console.log(e.code ?? String(e)); } }`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(?:[cm]?[jt]s|md)$/.test(entry.name) ? [path] : [];
  });
}

describe('the public surface (package.json exports)', () => {
  it('lists each entry explicitly: no pattern such as "./*"', () => {
    expect(Object.keys(manifest.exports).filter((key) => key.includes('*'))).toEqual([]);
  });

  it('finds the lessons that depend on the toolkit (a broken glob must not pass by finding none)', () => {
    expect(lessons.map((dir) => relative(repo, dir))).toEqual(expect.arrayContaining(['lessons/03-threads']));
  });

  it.each(lessons.map((dir) => [relative(repo, dir), dir]))('from %s, Node resolves the entries and refuses a deep import', (_name, dir) => {
    expect(nodeResolve(dir, ['@interleave/toolkit', '@interleave/toolkit/testing', ...DEEP])).toEqual([
      'ok',
      'ok',
      ...DEEP.map(() => 'ERR_PACKAGE_PATH_NOT_EXPORTED'),
    ]);
  });

  it.each(lessons.map((dir) => [relative(repo, dir), dir]))('from %s, TypeScript (check-types) cannot resolve a deep import either', (_name, dir) => {
    const options: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, allowImportingTsExtensions: true };
    const from = join(dir, 'tests', 'surface-probe.ts');
    const resolve = (specifier: string) => ts.resolveModuleName(specifier, from, options, ts.sys).resolvedModule?.resolvedFileName;
    expect(resolve('@interleave/toolkit')).toBe(join(packageDir, 'src', 'mod.ts'));
    for (const specifier of DEEP) expect(resolve(specifier), specifier).toBeUndefined();
  });

  it('no lesson file imports anything but a public entry (a static check over every lesson source and README)', () => {
    const offenders: string[] = [];
    for (const dir of lessons) {
      for (const file of sources(dir)) {
        for (const match of readFileSync(file, 'utf8').matchAll(/['"](@interleave\/toolkit(?:\/[^'"]*)?)['"]/g)) {
          if (!ENTRIES.includes(match[1]!) || match[1] === '@interleave/toolkit/bench/lib.ts') offenders.push(`${relative(repo, file)}: ${match[1]}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the static check catches a deep import (it can fail)', () => {
    const text = "import { Deque } from '@interleave/toolkit/src/internal/deque.ts';";
    const found = [...text.matchAll(/['"](@interleave\/toolkit(?:\/[^'"]*)?)['"]/g)].map((m) => m[1]);
    expect(found.filter((s) => !ENTRIES.includes(s!))).toEqual(['@interleave/toolkit/src/internal/deque.ts']);
  });
});
