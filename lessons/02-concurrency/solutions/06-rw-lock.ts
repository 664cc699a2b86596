/**
 * Exercise 6 — a readers–writer lock where no writer starves (solution).
 *
 * One FIFO line of waiters, readers and writers together. A newcomer goes straight in only
 * if the line is empty and it is compatible with the holders; otherwise it joins the line —
 * which is exactly why a reader that comes after a waiting writer waits. On every release,
 * the head of the line goes in if it can: one writer, or the run of readers at the front.
 * The lock is handed over directly (the counts change before the waiter's promise
 * resolves), so nobody can barge in between.
 */
type Waiter = { kind: 'read' | 'write'; grant: () => void };

export class RwLock {
  #readers = 0;
  #writing = false;
  // A plain array is enough for a lesson; the toolkit's queues use a deque (O(1) shift).
  readonly #line: Waiter[] = [];

  /** How many readers hold the lock now. */
  get readers(): number {
    return this.#readers;
  }

  /** Whether a writer holds the lock now. */
  get writing(): boolean {
    return this.#writing;
  }

  read(): Promise<() => void> {
    return new Promise((resolve) => {
      const grant = () => {
        this.#readers++;
        resolve(this.#release('read'));
      };
      if (!this.#writing && this.#line.length === 0) grant();
      else this.#line.push({ kind: 'read', grant });
    });
  }

  write(): Promise<() => void> {
    return new Promise((resolve) => {
      const grant = () => {
        this.#writing = true;
        resolve(this.#release('write'));
      };
      if (!this.#writing && this.#readers === 0 && this.#line.length === 0) grant();
      else this.#line.push({ kind: 'write', grant });
    });
  }

  #release(kind: 'read' | 'write'): () => void {
    let released = false;
    return () => {
      if (released) throw new Error(`RwLock: this ${kind} lock was already released`);
      released = true;
      if (kind === 'read') this.#readers--;
      else this.#writing = false;
      this.#admit();
    };
  }

  /** Lets in the head of the line: one writer when the lock is free, or the readers at the front. */
  #admit(): void {
    if (this.#writing) return;
    const head = this.#line[0];
    if (head?.kind === 'write') {
      if (this.#readers === 0) this.#line.shift()!.grant();
      return;
    }
    while (this.#line[0]?.kind === 'read') this.#line.shift()!.grant();
  }
}
