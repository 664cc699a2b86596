// "Does not compile": vitest strips types without checking them, so a type error in an
// exercise would otherwise pass unnoticed. The runner checks the learner's files with the
// TypeScript compiler API, reusing the previous program so a re-check after a save only
// re-reads what changed.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type TS from 'typescript';
import { $ } from 'zx/core';

// Loaded with require, on first use: importing this 9 MB CommonJS file as ESM makes Node
// scan all of it for export names, which costs a learner a quarter of a second per start.
let tsModule: typeof TS | undefined;
function typescript(): typeof TS {
  tsModule ??= createRequire(import.meta.url)('typescript') as typeof TS;
  return tsModule;
}

export interface CompileError {
  file: string;
  line: number;
  column: number;
  message: string;
  /** A few lines of source around the error with a caret under it. */
  frame: string;
}

export class TypeChecker {
  readonly lessonDir: string;
  #options: TS.CompilerOptions;
  #program: TS.Program | undefined;
  #host: TS.CompilerHost;

  constructor(lessonDir: string) {
    const ts = typescript();
    this.lessonDir = lessonDir;
    const configPath = path.join(lessonDir, 'tsconfig.json');
    const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    });
    this.#options = { ...(parsed?.options ?? {}), noEmit: true };
    this.#host = ts.createCompilerHost(this.#options);
  }

  /** Type errors (and syntax errors) in the given files, in file order. */
  check(files: string[]): CompileError[] {
    const ts = typescript();
    const program = ts.createProgram({ rootNames: files, options: this.#options, host: this.#host, oldProgram: this.#program });
    this.#program = program;
    const errors: CompileError[] = [];
    for (const file of files) {
      const source = program.getSourceFile(file);
      if (!source) continue;
      const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
      for (const d of diagnostics) errors.push(toCompileError(d, source));
    }
    return errors;
  }

  /** The names each module exports, sorted (types included), from one program. */
  exportsOf(files: string[]): Map<string, string[]> {
    const program = typescript().createProgram({ rootNames: files, options: this.#options, host: this.#host, oldProgram: this.#program });
    this.#program = program;
    const checker = program.getTypeChecker();
    return new Map(
      files.map((file) => {
        const source = program.getSourceFile(file);
        const symbol = source && checker.getSymbolAtLocation(source);
        return [file, symbol ? checker.getExportsOfModule(symbol).map((s) => s.getName()).sort() : []];
      }),
    );
  }

  /** Drops the cached text of a file that changed on disk. */
  invalidate(file: string): void {
    // createCompilerHost reads files afresh each time; the old program is only reused for
    // files whose text is unchanged, so there is nothing to drop but the program itself
    // when a file outside the roots (a helper module) changes.
    if (!file.endsWith('.ts')) return;
    this.#program = undefined;
  }
}

function toCompileError(d: TS.Diagnostic, fallback: TS.SourceFile): CompileError {
  const ts = typescript();
  const source = d.file ?? fallback;
  const { line, character } = source.getLineAndCharacterOfPosition(d.start ?? 0);
  return {
    file: source.fileName,
    line: line + 1,
    column: character + 1,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    frame: codeFrame(source.text, line + 1, character + 1),
  };
}

/** Renders lines around `line` with a gutter and a caret under `column`. */
export function codeFrame(text: string, line: number, column: number, around = 2): string {
  const lines = text.split(/\r?\n/);
  const first = Math.max(1, line - around);
  const last = Math.min(lines.length, line + around);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? '>' : ' ';
    out.push(`${marker} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`);
    if (n === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1))}^`);
  }
  return out.join('\n');
}

/**
 * A TypeChecker that remembers verdicts across runs in `.interleave/typecheck-cache.json`,
 * keyed by the file's text, the other sources it may import (the lesson's exercises/ and
 * lib/ folders, its tsconfig) and the commit checked out (which pins the toolkit's types).
 * `pnpm lesson N --once` on files the learner has not touched then skips loading the
 * compiler altogether — most of a second on two cores — and a changed file is checked
 * for real, always.
 */
type CheckCache = Record<string, { key: string; errors: CompileError[] }>;

export class CachedTypeChecker {
  readonly lessonDir: string;
  #checker: TypeChecker | undefined;
  #cacheFile: string;
  #cache: CheckCache;

  constructor(lessonDir: string, stateDir: string) {
    this.lessonDir = lessonDir;
    this.#cacheFile = path.join(stateDir, 'typecheck-cache.json');
    try {
      this.#cache = JSON.parse(readFileSync(this.#cacheFile, 'utf8')) as CheckCache;
    } catch {
      this.#cache = {};
    }
  }

  check(files: string[]): CompileError[] {
    const context = contextKey(this.lessonDir);
    const keys = new Map(files.map((f) => [f, fileKey(f, context)]));
    const stale = files.filter((f) => this.#cache[f]?.key !== keys.get(f));
    if (stale.length > 0) {
      this.#checker ??= new TypeChecker(this.lessonDir);
      const fresh = this.#checker.check(stale);
      for (const f of stale) this.#cache[f] = { key: keys.get(f)!, errors: fresh.filter((e) => e.file === f) };
      try {
        mkdirSync(path.dirname(this.#cacheFile), { recursive: true });
        writeFileSync(this.#cacheFile, JSON.stringify(this.#cache));
      } catch {
        // a cache that cannot be written only costs time
      }
    }
    return files.flatMap((f) => this.#cache[f]?.errors ?? []);
  }

  invalidate(file: string): void {
    this.#checker?.invalidate(file);
  }
}

function contextKey(lessonDir: string): string {
  const hash = createHash('sha1');
  const head = $({ sync: true, cwd: lessonDir, quiet: true, nothrow: true, timeout: '10s' })`git rev-parse HEAD`;
  hash.update(head.ok ? head.stdout : String(Date.now())); // no git: no reuse across runs
  for (const sub of ['exercises', 'lib']) {
    const dir = path.join(lessonDir, sub);
    let names: string[] = [];
    try {
      names = readdirSync(dir).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      try {
        hash.update(name).update(readFileSync(path.join(dir, name)));
      } catch {
        // a folder or an unreadable file: skip
      }
    }
  }
  try {
    hash.update(readFileSync(path.join(lessonDir, 'tsconfig.json')));
  } catch {
    // no tsconfig: the TypeChecker will say so
  }
  return hash.digest('hex');
}

function fileKey(file: string, context: string): string {
  return createHash('sha1').update(context).update(file).digest('hex');
}
