// Every `@example` in the toolkit's doc comments is a ```ts block that must type-check as
// its own module (importing `@interleave/toolkit` the way a user would). The examples are
// compiled in memory with the package's own compiler options: nothing is written to disk.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
const srcDir = join(packageDir, 'src');

interface Example {
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' || entry.name === '__snapshots__' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The ```ts blocks inside doc comments, with the line each starts on. */
function extractExamples(file: string, text: string): Example[] {
  const examples: Example[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\*\s*```ts\s*$/.test(lines[i]!)) continue;
    const start = i + 1;
    const body: string[] = [];
    for (i = start; i < lines.length && !/^\s*\*\s*```\s*$/.test(lines[i]!); i++) {
      body.push(lines[i]!.replace(/^\s*\*( |$)/, ''));
    }
    examples.push({ file, line: start + 1, code: body.join('\n') });
  }
  return examples;
}

/**
 * Type-checks `list` in one program; returns `file:line: message` per diagnostic, and the
 * program (which also holds `src/mod.ts`, imported by the examples).
 */
function typeCheck(list: readonly Example[]): { problems: string[]; program: ts.Program } {
  const configPath = join(packageDir, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  })!;
  // Virtual files beside the sources, so `@interleave/toolkit` resolves to this package.
  const virtual = new Map<string, Example>();
  list.forEach((example, n) => {
    const name = relative(srcDir, example.file).replace(/[/.]/g, '-');
    virtual.set(join(srcDir, `__example-${n}-${name}.ts`), example);
  });
  const host = ts.createCompilerHost(config.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => virtual.has(f) || fileExists.call(host, f);
  host.readFile = (f) => virtual.get(f)?.code ?? readFile.call(host, f);
  host.getSourceFile = (f, language, onError, create) => {
    const example = virtual.get(f);
    if (example !== undefined) return ts.createSourceFile(f, example.code, language, true);
    return getSourceFile.call(host, f, language, onError, create);
  };
  const program = ts.createProgram({ rootNames: [...virtual.keys()], options: config.options, host });
  const problems = [...virtual.keys()].flatMap((f) => {
    const example = virtual.get(f)!;
    return ts.getPreEmitDiagnostics(program, program.getSourceFile(f)).map((d) => {
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
      const where = `${relative(packageDir, example.file)}:${example.line + line}`;
      return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
  });
  return { problems, program };
}

// Known gaps, each owned by the file's author: add the example, then drop the name here.
const WITHOUT_EXAMPLE_YET = new Set<string>([]);

const examples = sourceFiles(srcDir).flatMap((file) => extractExamples(file, readFileSync(file, 'utf8')));

describe('doc comment examples', () => {
  it('finds the examples it checks (a broken extractor must not pass by finding none)', () => {
    expect(examples.length).toBeGreaterThan(30);
    const withExamples = new Set(examples.map((e) => relative(srcDir, e.file)));
    for (const name of ['mutex', 'semaphore', 'queue', 'channel', 'condition', 'barrier', 'event']) {
      const file = `coordination/${name}.ts`;
      expect(withExamples).toContain(file);
    }
  });

  it('every example type-checks as its own module, and a wrong one is reported', () => {
    const wrong: Example = {
      file: join(srcDir, 'mutex.ts'),
      line: 1,
      code: "import { Mutex } from '@interleave/toolkit';\nconst held: string = new Mutex().locked;\n",
    };
    const { problems, program } = typeCheck([...examples, wrong]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^src\/mutex\.ts:2: Type 'boolean' is not assignable to type 'string'/);

    // And every export of mod.ts has a doc comment; every class and function an example.
    const checker = program.getTypeChecker();
    const mod = checker.getSymbolAtLocation(program.getSourceFile(join(srcDir, 'mod.ts'))!)!;
    const exports = checker.getExportsOfModule(mod);
    expect(exports.length).toBeGreaterThan(40);
    const undocumented = exports.flatMap((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      // A namespace re-export (`export * as aio`) resolves to a module: its doc comment sits on the export.
      const declaration = target.declarations?.[0] !== undefined && ts.isSourceFile(target.declarations[0]) ? symbol.declarations?.[0]?.parent : target.declarations?.[0];
      if (declaration === undefined) return [`${symbol.name}: no declaration`];
      const where = `${symbol.name} (${relative(packageDir, declaration.getSourceFile().fileName)})`;
      if (ts.getJSDocCommentsAndTags(declaration).length === 0) return [`${where}: no doc comment`];
      const needsExample = ts.isClassDeclaration(declaration) || ts.isFunctionDeclaration(declaration);
      const hasExample = ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === 'example');
      return needsExample && !hasExample && !WITHOUT_EXAMPLE_YET.has(symbol.name) ? [`${where}: no @example`] : [];
    });
    expect(undocumented).toEqual([]);
  }, 60_000);
});
