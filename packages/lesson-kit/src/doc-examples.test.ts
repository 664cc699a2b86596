// The `@example` blocks of the kit's doc comments type-check, each as its own module that
// imports the kit by its public entries, as a lesson would. Compiled in memory.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect, test } from 'vitest';

const src = path.dirname(fileURLToPath(import.meta.url));

function examples(): Array<{ where: string; code: string }> {
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('fixtures'));
  return files.flatMap((f) => {
    const found: Array<{ where: string; code: string }> = [];
    const fence = /^\s*\* ```ts\n([\s\S]*?)^\s*\* ```$/gm;
    const text = readFileSync(path.join(src, f), 'utf8');
    for (let m = fence.exec(text); m; m = fence.exec(text)) {
      const line = text.slice(0, m.index).split('\n').length;
      found.push({ where: `${f}:${line}`, code: m[1]!.replace(/^\s*\*( |$)/gm, '') });
    }
    return found;
  });
}

test('every @example type-checks', () => {
  const list = examples();
  expect(list.length).toBeGreaterThanOrEqual(10);
  const config = ts.getParsedCommandLineOfConfigFile(path.join(src, '..', 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const virtual = new Map(list.map((e, i) => [path.join(src, `__example-${i}.ts`), e]));
  const host = ts.createCompilerHost(config.options);
  const read = host.readFile.bind(host);
  host.readFile = (file) => (virtual.has(file) ? `${virtual.get(file)!.code}\nexport {};\n` : read(file));
  const exists = host.fileExists.bind(host);
  host.fileExists = (file) => virtual.has(file) || exists(file);
  const program = ts.createProgram([...virtual.keys()], config.options, host);
  const problems = ts.getPreEmitDiagnostics(program).flatMap((d) => {
    const example = d.file && virtual.get(d.file.fileName);
    if (!example) return [];
    const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
    return [`${example.where} (line ${line + 1} of the example): ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`];
  });
  expect(problems).toEqual([]);
}, 60_000);
