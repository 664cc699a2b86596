// Wrong: a writer only checks for another writer, so it goes in while readers are still
// reading — they see the value change under them.
type Waiter = { kind: 'read' | 'write'; grant: () => void };

export class RwLock {
  #readers = 0;
  #writing = false;
  readonly #line: Waiter[] = [];

  get readers(): number {
    return this.#readers;
  }

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
      if (!this.#writing && this.#line.length === 0) grant();
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
      if (this.#writing) return;
      const head = this.#line[0];
      if (head?.kind === 'write') {
        this.#line.shift()!.grant();
        return;
      }
      while (this.#line[0]?.kind === 'read') this.#line.shift()!.grant();
    };
  }
}
