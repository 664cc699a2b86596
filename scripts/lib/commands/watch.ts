// `pnpm lesson N`: watch mode. One loop over one stream of events — a file saved, a key
// pressed, a run finished (a verdict, including the watchdog's), a notice from the folder
// watcher, quit — with all of its state in one object. Each event updates the state, then
// the screen is drawn from the state.
import readline from 'node:readline';
import { terminalSize } from '../cli.ts';
import type { Exercise, Lesson } from '../lessons.ts';
import { whenSignalled } from '../processes.ts';
import { bar, c, consoleSection, explain } from '../report.ts';
import { openRun, runExercises, type Checked } from '../run.ts';
import { layout, type Screen } from '../screen.ts';
import type { Progress } from '../state.ts';
import { killAllServers, type Mode } from '../test-client.ts';
import { FolderWatcher } from '../watch.ts';
import path from 'node:path';
import { shown, solutionPath } from './paths.ts';

type WatchEvent =
  | { type: 'saved'; files: string[] }
  | { type: 'key'; key: string }
  | { type: 'finished'; exercise: Exercise; checked: Checked }
  | { type: 'run-failed'; exercise: Exercise; message: string }
  | { type: 'notice'; message: string }
  | { type: 'quit' };

interface WatchState {
  exercise: Exercise;
  /** The last verdict on the current exercise. */
  last: Checked | undefined;
  running: boolean;
  /** Files saved while a run was going: run again with them when it ends. */
  again: string[] | undefined;
  /** A one-off line (a key's answer, the watcher's news); cleared by the next key. */
  notice: string;
  /** The exercise list, shown by `l` until the next event. */
  listing: boolean;
  /** Why the last run could not happen at all. */
  error: string | undefined;
  /** The hints were just asked for: this screen gives them room before the verdict. */
  hintsAsked: boolean;
}

/** An unbounded queue read with `for await`: the single stream every source writes to. */
class Events<T> implements AsyncIterable<T> {
  #items: T[] = [];
  #wake: (() => void) | undefined;
  #closed = false;
  push(item: T): void {
    this.#items.push(item);
    this.#wake?.();
  }
  close(): void {
    this.#closed = true;
    this.#wake?.();
  }
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      const item = this.#items.shift();
      if (item !== undefined) {
        yield item;
        continue;
      }
      if (this.#closed) return;
      await new Promise<void>((resolve) => (this.#wake = resolve));
      this.#wake = undefined;
    }
  }
}

export async function watchMode(lesson: Lesson, start: Exercise, mode: Mode, progress: Progress, options: { poll: boolean }): Promise<void> {
  const tty = process.stdout.isTTY === true;
  const { server, checker } = openRun(lesson, mode);
  const events = new Events<WatchEvent>();
  const state: WatchState = { exercise: start, last: undefined, running: false, again: undefined, notice: '', listing: false, error: undefined, hintsAsked: false };

  const startRun = (changed: string[]): void => {
    if (state.running) {
      state.again = [...(state.again ?? []), ...changed];
      return;
    }
    state.running = true;
    const exercise = state.exercise;
    runExercises(server, checker, lesson, [exercise], { invalidate: changed }).then(
      (results) => events.push({ type: 'finished', exercise, checked: results.get(exercise.name)! }),
      (error: Error) => events.push({ type: 'run-failed', exercise, message: error.message }),
    );
  };

  const keys = (key: string, wasListing: boolean): void => {
    switch (key) {
      case 'h': {
        const seen = progress.get(lesson, state.exercise).hints;
        if (seen < state.exercise.hints.length) progress.update(lesson, state.exercise, { hints: seen + 1 });
        else state.notice = `No more hints. Compare with the reference: ${solutionPath(state.exercise)}`;
        break;
      }
      case 'n': {
        if (state.last?.verdict.kind !== 'pass') {
          state.notice = 'n moves on once this exercise passes.';
          break;
        }
        const next = lesson.exercises[state.exercise.index];
        if (!next) {
          state.notice = 'This is the last exercise. Run `pnpm lesson` to see what comes next.';
          break;
        }
        state.exercise = next;
        state.last = undefined;
        startRun([]);
        break;
      }
      case 'l':
        // Shown on this screen only: the next event draws the screen without it.
        state.listing = !wasListing;
        break;
      case 'r':
        startRun([]);
        break;
      case 'q':
      case '\u0003':
      case '\u0004':
        events.push({ type: 'quit' });
        break;
    }
  };

  /** One step of the loop: the state after the event. Returns false to stop. */
  const step = (event: WatchEvent): boolean => {
    const wasListing = state.listing;
    state.listing = false;
    state.hintsAsked = event.type === 'key' && event.key === 'h';
    switch (event.type) {
      case 'saved':
        startRun(event.files);
        break;
      case 'key':
        state.notice = '';
        keys(event.key, wasListing);
        break;
      case 'finished':
      case 'run-failed': {
        state.running = false;
        if (event.exercise === state.exercise) {
          if (event.type === 'finished') {
            state.last = event.checked;
            state.error = undefined;
            if (mode === 'exercise') progress.update(lesson, event.exercise, { done: event.checked.verdict.kind === 'pass' });
          } else state.error = event.message;
        }
        const again = state.again;
        state.again = undefined;
        if (again || event.exercise !== state.exercise) startRun(again ?? []);
        break;
      }
      case 'notice':
        state.notice = event.message;
        break;
      case 'quit':
        return false;
    }
    return true;
  };

  const file = (): string => shown(mode === 'solution' ? state.exercise.solutionFile : state.exercise.exerciseFile);
  const screen = (): Screen => {
    const { exercise } = state;
    const shownHints = progress.get(lesson, exercise).hints;
    const body: Screen['body'] = [];
    if (state.listing) {
      body.push({
        text: lesson.exercises
          .map((e) => `  ${progress.get(lesson, e).done ? c.green('✓') : e === exercise ? c.yellow('›') : ' '} ${e.index}. ${e.name}  ${c.dim(e.title)}`)
          .join('\n'),
        keep: lesson.exercises.length,
        priority: 0,
      });
    }
    if (state.running) body.push({ text: c.dim(`running the tests of ${exercise.name} …`), keep: 1, priority: 1 });
    else if (state.error) body.push({ text: c.red(`The runner could not run the tests: ${state.error}`), keep: 3, priority: 1 });
    else if (state.last) {
      let verdict = explain(state.last.verdict, lesson, exercise);
      if (state.last.verdict.kind === 'pass') {
        const next = lesson.exercises[exercise.index];
        verdict += next ? `\n\n${c.green('Press n for the next exercise:')} ${next.title}` : `\n\n${c.green('That was the last exercise of this lesson. 🎉')}`;
      }
      body.push({ text: verdict, keep: state.hintsAsked ? 5 : 40, priority: 2 });
      body.push({ text: consoleSection(state.last.logs), keep: 3, priority: 4 });
    }
    if (shownHints > 0) {
      body.push({ text: [c.bold('Hints'), ...exercise.hints.slice(0, shownHints).map((h, i) => `  ${c.dim(`${i + 1}.`)} ${h}`)].join('\n'), keep: state.hintsAsked ? 1 + shownHints * 2 : 2, priority: state.hintsAsked ? 1 : 5 });
    }
    for (const w of progress.warnings) body.push({ text: c.yellow(`warning: ${w}`), keep: 2, priority: 0 });
    if (state.notice) body.push({ text: c.yellow(state.notice), keep: 2, priority: 0 });
    const done = progress.doneCount(lesson);
    return {
      header: [
        `${c.bold(`Lesson ${lesson.id} · ${lesson.title}`)}   ${bar(done, lesson.exercises.length)}`,
        `Exercise ${exercise.index}/${lesson.exercises.length}: ${c.bold(exercise.title)} ${c.dim(`(${exercise.name})`)}${mode === 'solution' ? c.yellow('  [solution mode]') : ''}`,
        `Edit ${c.cyan(file())} and save — the tests run on every save.`,
        '',
      ],
      body,
      footer: ['', c.dim(`h hint (${shownHints}/${exercise.hints.length}) · n next · l list · r re-run · q quit`)],
    };
  };
  const render = (): void => {
    const s = screen();
    if (tty) {
      const { rows, columns } = terminalSize();
      const lines = layout(s, process.stdout.rows || rows, process.stdout.columns || columns, `more lines — ${c.cyan(`pnpm lesson ${lesson.number} ${state.exercise.name.slice(3)} --once`)} shows all`);
      process.stdout.write(`\x1b[2J\x1b[3J\x1b[H${lines.join('\n')}\n`);
    } else {
      // Piped (editors, tests): every screen in full, one after another.
      const body = s.body.filter((b) => b.text !== '').map((b) => b.text);
      console.log(`\n${'─'.repeat(60)}\n${[...s.header, body.join('\n\n'), ...s.footer].join('\n')}`);
    }
  };

  const dirs = [path.join(lesson.dir, mode === 'solution' ? 'solutions' : 'exercises')];
  const watcher = new FolderWatcher(dirs, (files) => events.push({ type: 'saved', files }), {
    poll: options.poll,
    onNotice: (message) => events.push({ type: 'notice', message }),
  });
  if (options.poll) state.notice = 'Watching by polling (--poll).';
  watcher.start();

  const restoreTerminal = (): void => {
    watcher.stop();
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
  };
  // A signal ends watch mode the way `q` does (exit 0), after every server is ended.
  whenSignalled(() => {
    restoreTerminal();
    goodbye();
    return 0;
  });
  const goodbye = (): void => {
    const done = progress.doneCount(lesson);
    console.log(`\n${c.dim(`Progress saved: ${done}/${lesson.exercises.length} of lesson ${lesson.id}. Resume with`)} ${c.cyan(`pnpm lesson ${lesson.number}`)}`);
  };

  if (process.stdin.isTTY) {
    readline.emitKeypressEvents(process.stdin);
    process.stdin.setRawMode(true);
    process.stdin.on('keypress', (str: string | undefined, key: { ctrl?: boolean; name?: string }) => {
      if (key?.ctrl && key.name === 'c') events.push({ type: 'quit' });
      else if (str) events.push({ type: 'key', key: str });
    });
  } else {
    // Piped input (editors, tests): each character is a key; the end of input changes nothing.
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => {
      for (const ch of chunk) if (ch.trim()) events.push({ type: 'key', key: ch });
    });
    process.stdin.on('error', () => undefined);
  }

  events.push({ type: 'saved', files: [] });
  for await (const event of events) {
    if (!step(event)) break;
    render();
  }
  restoreTerminal();
  killAllServers();
  goodbye();
  process.exit(0);
}
