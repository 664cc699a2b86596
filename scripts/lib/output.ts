// The learner's console output, capped: a run that prints without end (20 MB, once) must
// not flood the terminal. The first lines are shown, the rest counted, and everything is
// kept in a file the learner is pointed to.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, type Exercise, type Lesson } from './lessons.ts';

/** Lines of console output shown under a verdict; the rest are counted and kept in a file. */
const MAX_LINES = 40;
/** Characters shown of one line. */
const MAX_LINE_CHARS = 400;

export class ConsoleLog {
  readonly file: string;
  #shown: string[] = [];
  #more = 0;
  #partial = '';
  #fd: number | undefined;
  #total = 0;

  constructor(lesson: Lesson, exercise: Exercise) {
    this.file = outputFile(lesson, exercise);
  }

  add(content: string): void {
    this.#total += content.length;
    this.#write(content);
    const text = this.#partial + content;
    const lines = text.split('\n');
    this.#partial = lines.pop() ?? '';
    for (const line of lines) this.#take(line);
  }

  #take(line: string): void {
    if (this.#shown.length < MAX_LINES) {
      this.#shown.push(line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}… (${line.length - MAX_LINE_CHARS} more characters)` : line);
    } else this.#more++;
  }

  #write(content: string): void {
    try {
      if (this.#fd === undefined) {
        mkdirSync(path.dirname(this.file), { recursive: true });
        this.#fd = openSync(this.file, 'w');
      }
      writeSync(this.#fd, content);
    } catch {
      // Where the full output cannot be kept, the first lines are still shown.
    }
  }

  /** The lines to show, and how many were left out. Ends the file. */
  finish(): { lines: string[]; more: number; file: string | undefined } {
    if (this.#partial) {
      this.#take(this.#partial);
      this.#partial = '';
    }
    if (this.#fd !== undefined) {
      closeSync(this.#fd);
      this.#fd = undefined;
    }
    return { lines: this.#shown, more: this.#more, file: this.#total > 0 ? this.file : undefined };
  }

  get empty(): boolean {
    return this.#total === 0;
  }
}

function outputFile(lesson: Lesson, exercise: Exercise): string {
  const name = path.join('output', `${lesson.id}-${lesson.slug}`, `${exercise.name}.log`);
  const preferred = path.join(repoRoot, '.interleave', name);
  try {
    mkdirSync(path.dirname(preferred), { recursive: true });
    return preferred;
  } catch {
    return path.join(os.tmpdir(), 'interleave', name);
  }
}
