/**
 * Exercise 6 — a readers–writer lock where no writer starves.
 *
 * Many tasks may read a shared thing at the same time; a task that changes it must be
 * alone. `read()` resolves with a release function once reading is allowed; `write()`
 * resolves with one once writing is allowed. Call the release function when done.
 *
 * - Readers share: any number may hold the lock for reading at once.
 * - A writer is alone: no reader and no other writer while it holds the lock.
 * - **A waiting writer blocks new readers.** If readers hold the lock and a writer is
 *   waiting, a reader that asks *after* the writer waits until the writer has had its turn.
 *   Otherwise a steady stream of overlapping readers keeps the writer out for ever.
 * - Waiters are served in the order they asked; when a writer releases, every reader that
 *   was waiting before the next writer goes in together.
 * - Calling a release function a second time throws an `Error` (a double release would let
 *   someone in who must not be).
 *
 * @example
 * ```ts
 * const lock = new RwLock();
 * const releaseA = await lock.read();
 * const releaseB = await lock.read(); // readers share
 * const writing = lock.write();       // waits for both readers
 * releaseA();
 * releaseB();
 * const releaseW = await writing;
 * releaseW();
 * ```
 */
export class RwLock {
  /** How many readers hold the lock now. */
  get readers(): number {
    // TODO
    throw new Error('Not implemented: RwLock.readers');
  }

  /** Whether a writer holds the lock now. */
  get writing(): boolean {
    // TODO
    throw new Error('Not implemented: RwLock.writing');
  }

  read(): Promise<() => void> {
    // TODO: grant at once if no writer holds or waits; else wait in line.
    throw new Error('Not implemented: RwLock.read');
  }

  write(): Promise<() => void> {
    // TODO: grant at once if nobody holds the lock and nobody waits; else wait in line.
    throw new Error('Not implemented: RwLock.write');
  }
}
