// File watching that works with every editor: we watch the folder, not the file (editors
// that save by writing a new file and renaming it over the old one replace the inode a
// file watch would hold), debounce bursts, skip saves that did not change the content,
// and fall back to polling where change events never arrive (some network and container
// mounts) — saying so, since polling is slower.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface WatchOptions {
  /** Force polling (`--poll`). */
  poll?: boolean;
  debounceMs?: number;
  pollIntervalMs?: number;
  /** Told once if we switch to polling, with the reason. */
  onNotice?: (message: string) => void;
}

function digest(file: string): string | undefined {
  try {
    return createHash('sha1').update(readFileSync(file)).digest('hex');
  } catch {
    return undefined;
  }
}

/** Watches `.ts` files in the given folders; calls onChange with the files whose content changed. */
export class FolderWatcher {
  readonly dirs: string[];
  #options: Required<Omit<WatchOptions, 'onNotice'>> & Pick<WatchOptions, 'onNotice'>;
  #onChange: (files: string[]) => void;
  #hashes = new Map<string, string | undefined>();
  #watchers: FSWatcher[] = [];
  #pollTimer: NodeJS.Timeout | undefined;
  #debounce: NodeJS.Timeout | undefined;
  #dirty = new Set<string>();
  #polling = false;
  #gotEvent = false;

  constructor(dirs: string[], onChange: (files: string[]) => void, options: WatchOptions = {}) {
    this.dirs = dirs.filter((d) => existsSync(d));
    this.#onChange = onChange;
    this.#options = { poll: false, debounceMs: 60, pollIntervalMs: 250, ...options };
    for (const file of this.#files()) this.#hashes.set(file, digest(file));
  }

  get polling(): boolean {
    return this.#polling;
  }

  start(): void {
    if (this.#options.poll) {
      this.#startPolling();
      return;
    }
    try {
      for (const dir of this.dirs) {
        const w = watch(dir, (_event, name) => {
          this.#gotEvent = true;
          if (name && name.toString().endsWith('.ts')) this.#mark(path.join(dir, name.toString()));
          else this.#markAll();
        });
        w.on('error', () => this.#fallBack('the file watcher reported an error'));
        this.#watchers.push(w);
      }
    } catch (error) {
      this.#fallBack(`file events are not available here (${(error as Error).message})`);
      return;
    }
    void this.#probe();
  }

  stop(): void {
    for (const w of this.#watchers) w.close();
    this.#watchers = [];
    clearInterval(this.#pollTimer);
    clearTimeout(this.#debounce);
  }

  /** Writes a file in a scratch folder next to the watched ones and checks an event arrives. */
  async #probe(): Promise<void> {
    const dir = this.dirs[0];
    if (!dir) return;
    const probeDir = path.join(path.dirname(dir), '.interleave-probe');
    let w: FSWatcher | undefined;
    try {
      mkdirSync(probeDir, { recursive: true });
      let seen = false;
      const arrived = new Promise<boolean>((resolve) => {
        w = watch(probeDir, () => {
          seen = true;
          resolve(true);
        });
        // Timers run before the loop polls for file events: if the runner was busy (it
        // type-checks synchronously at start), both are due at once, so look at the poll
        // phase's news (setImmediate runs after it) before deciding no event came.
        setTimeout(() => setImmediate(() => resolve(seen)), 3000).unref();
      });
      writeFileSync(path.join(probeDir, 'probe'), String(Date.now()));
      if (!(await arrived) && !this.#gotEvent) this.#fallBack(`no file change events arrived from ${os.platform()} for ${probeDir}`);
    } catch {
      // If we cannot even probe, keep the watcher we have.
    } finally {
      w?.close();
      rmSync(probeDir, { recursive: true, force: true });
    }
  }

  #fallBack(reason: string): void {
    if (this.#polling) return;
    for (const w of this.#watchers) w.close();
    this.#watchers = [];
    this.#options.onNotice?.(`Watching by polling every ${this.#options.pollIntervalMs} ms: ${reason}.`);
    this.#startPolling();
  }

  #startPolling(): void {
    this.#polling = true;
    this.#pollTimer = setInterval(() => this.#markAll(), this.#options.pollIntervalMs);
  }

  #files(): string[] {
    return this.dirs.flatMap((dir) => {
      try {
        return readdirSync(dir)
          .filter((f) => f.endsWith('.ts'))
          .map((f) => path.join(dir, f))
          .filter((f) => statSync(f).isFile());
      } catch {
        return [];
      }
    });
  }

  #markAll(): void {
    const files = new Set([...this.#files(), ...this.#hashes.keys()]);
    for (const file of files) {
      if (digest(file) !== this.#hashes.get(file)) this.#mark(file);
    }
  }

  #mark(file: string): void {
    this.#dirty.add(file);
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => this.#flush(), this.#options.debounceMs);
  }

  #flush(): void {
    const changed: string[] = [];
    for (const file of this.#dirty) {
      const hash = digest(file);
      // A save mid-rename can briefly find no file; the next event brings it back.
      if (hash === undefined && existsSync(file)) continue;
      if (hash !== this.#hashes.get(file)) {
        this.#hashes.set(file, hash);
        changed.push(file);
      }
    }
    this.#dirty.clear();
    if (changed.length > 0) this.#onChange(changed);
  }
}
