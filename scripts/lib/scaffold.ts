// `pnpm lesson new <NN-slug> [exercise-name]`: one command to add content. Everything it
// writes passes check-lessons as it stands, so a maintainer starts from green and edits.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { IMPL_IMPORTS } from '@interleave/lesson-kit/impl';
import { FOLDER_ROLES } from './lesson-layout.ts';

const LESSON = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function write(file: string, text: string, created: string[]): void {
  if (existsSync(file)) throw new Error(`${file} exists already; nothing was overwritten`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  created.push(file);
}

const DEFAULT_PACKAGE = JSON.stringify({
  name: '',
  version: '0.0.0',
  private: true,
  type: 'module',
  imports: IMPL_IMPORTS,
  scripts: { 'check-types': 'tsc -p tsconfig.json', 'check-lessons': 'tsx ../../scripts/check-lessons.ts .' },
});
// Every folder a lesson may hold that has TypeScript in it (see lesson-layout.ts).
const TSCONFIG = `${JSON.stringify({ extends: '@interleave/tsconfig/base.json', include: ['exercises', 'solutions', 'wrong', 'tests', 'demos', 'lib', '*.ts'] }, null, 2)}\n`;
const DEFAULT_VITEST = "export { default } from '@interleave/lesson-kit/vitest';\n";

function existingLesson(root: string): string | undefined {
  const lessons = path.join(root, 'lessons');
  if (!existsSync(lessons)) return undefined;
  const found = readdirSync(lessons)
    .sort()
    .find((d) => LESSON.test(d) && existsSync(path.join(lessons, d, 'package.json')));
  return found ? path.join(lessons, found) : undefined;
}

const camel = (kebab: string): string => kebab.replace(/-([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());

export function scaffoldLesson(root: string, folder: string): string[] {
  const match = LESSON.exec(folder);
  if (!match) throw new Error(`expected a lesson folder name like "07-streams" (two digits, a dash, a kebab-case slug), got "${folder}"`);
  const dir = path.join(root, 'lessons', folder);
  if (existsSync(dir)) throw new Error(`lessons/${folder} exists already; to add an exercise: pnpm lesson new ${folder} <exercise-name>`);
  const slug = match[2]!;
  const title = slug.replace(/-/g, ' ').replace(/^./, (ch) => ch.toUpperCase());
  const created: string[] = [];
  // The package files are copied from an existing lesson, so a new lesson gets the same
  // pinned versions and scripts as the others; the built-in ones are the fallback.
  const template = existingLesson(root);
  const read = (file: string, fallback: string): string => (template && existsSync(path.join(template, file)) ? readFileSync(path.join(template, file), 'utf8') : fallback);
  const pkg = JSON.parse(read('package.json', DEFAULT_PACKAGE)) as Record<string, unknown>;
  pkg['name'] = `@interleave/lesson-${folder}`;
  // The #impl rule is the kit's, whatever the template lesson says.
  pkg['imports'] = IMPL_IMPORTS;
  write(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`, created);
  write(path.join(dir, 'tsconfig.json'), TSCONFIG, created);
  write(path.join(dir, 'vitest.config.ts'), read('vitest.config.ts', DEFAULT_VITEST), created);
  write(
    path.join(dir, 'lesson.json'),
    `${JSON.stringify({ title, question: `What question does "${title}" answer?`, summary: `One paragraph on what the learner can do after "${title}".`, exercises: [] }, null, 2)}\n`,
    created,
  );
  write(
    path.join(dir, 'README.md'),
    `# ${title}\n\nThe question this lesson answers, in one sentence.\n\n## A demo that measures\n\nRun \`pnpm lesson ${Number(match[1])} demo\` and quote the real numbers here.\n\n## The idea\n\nExplain it with a picture (a \`timeline\` block).\n\n[[exercises]]\n\n## Coming from Python\n\nMap the terms.\n\n## Summary\n\n- One line per idea.\n`,
    created,
  );
  // The folder roles (packages/lesson-kit/README.md); check-lessons reports anything else.
  for (const sub of [...Object.keys(FOLDER_ROLES), 'tests/support']) mkdirSync(path.join(dir, sub), { recursive: true });
  return created;
}

export function scaffoldExercise(root: string, folder: string, rawName: string): { name: string; created: string[] } {
  const dir = path.join(root, 'lessons', folder);
  const manifestPath = path.join(dir, 'lesson.json');
  if (!existsSync(manifestPath)) throw new Error(`no lessons/${folder}/lesson.json; create the lesson first: pnpm lesson new ${folder}`);
  const bare = rawName.replace(/^\d{2}-/, '');
  if (!NAME.test(bare)) throw new Error(`expected a kebab-case exercise name like "fair-mutex", got "${rawName}"`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exercises: Array<{ name: string }> };
  if (manifest.exercises.some((e) => e.name.slice(3) === bare)) throw new Error(`lessons/${folder} has an exercise "${bare}" already`);
  const next = manifest.exercises.reduce((max, e) => Math.max(max, Number(e.name.slice(0, 2))), 0) + 1;
  const name = `${String(next).padStart(2, '0')}-${bare}`;
  const fn = camel(bare);
  const created: string[] = [];
  write(
    path.join(dir, 'exercises', `${name}.ts`),
    `/**\n * Describe the task here, with an example call:\n *\n *     ${fn}() // → 42\n */\nexport function ${fn}(): number {\n  // TODO: make the tests in tests/${name}.test.ts pass\n  throw new Error('Not implemented: ${fn}');\n}\n`,
    created,
  );
  write(path.join(dir, 'solutions', `${name}.ts`), `/** The reference answer. Say why it is right in comments. */\nexport function ${fn}(): number {\n  return 42;\n}\n`, created);
  write(path.join(dir, 'wrong', `${name}.off-by-one.ts`), `// Wrong: a known mistake the tests must reject. Rename the file after the flaw.\nexport function ${fn}(): number {\n  return 41;\n}\n`, created);
  write(
    path.join(dir, 'tests', `${name}.test.ts`),
    `import { expect, test } from 'vitest';\nimport { ${fn} } from '#impl/${name}';\n\ntest('${fn}() returns the answer', () => {\n  expect(${fn}()).toBe(42);\n});\n`,
    created,
  );
  manifest.exercises.push({ name, title: bare.replace(/-/g, ' ').replace(/^./, (ch) => ch.toUpperCase()), hints: ['Write the first hint: a nudge, not the answer.'] } as never);
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  created.push(manifestPath);
  return { name, created };
}
