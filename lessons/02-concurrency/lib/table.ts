/**
 * The dining philosophers' table, as plain data that generator tasks share (exercise 5).
 *
 * Philosopher `i` sits between fork `i` (on the left) and fork `(i + 1) % n` (on the right).
 * A fork has a `holder` (a philosopher's number, or `null`) and a `queue` of philosophers
 * waiting for it, first in line first. Nothing here enforces a protocol: the philosophers'
 * code does, and the tests watch the table after every step.
 *
 * @example
 * ```ts
 * import { Table } from './lib/table.ts';
 * const table = new Table(3);
 * console.log(table.forksOf(2)); // [2, 0] — left, right
 * ```
 */
export interface Fork {
  holder: number | null;
  readonly queue: number[];
}

export class Table {
  readonly forks: Fork[];
  /** Meals eaten, per philosopher. */
  readonly meals: number[];
  /** Who is eating right now. */
  readonly eating: boolean[];
  readonly size: number;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 2) throw new RangeError(`Table: size must be an integer >= 2, got ${size}`);
    this.size = size;
    this.forks = Array.from({ length: size }, () => ({ holder: null, queue: [] }));
    this.meals = new Array<number>(size).fill(0);
    this.eating = new Array<boolean>(size).fill(false);
  }

  /** The forks of philosopher `id`: [left, right]. */
  forksOf(id: number): [number, number] {
    if (!Number.isInteger(id) || id < 0 || id >= this.size) throw new RangeError(`Table.forksOf: id must be an integer in [0, ${this.size - 1}], got ${id}`);
    return [id, (id + 1) % this.size];
  }

  /** Philosopher `id` starts eating: it must hold both its forks. */
  startEating(id: number): void {
    const missing = this.forksOf(id).filter((f) => this.forks[f]!.holder !== id);
    if (missing.length > 0) throw new Error(`philosopher ${id} started eating without fork ${missing.join(' and ')}`);
    this.eating[id] = true;
  }

  /** Philosopher `id` has finished a meal (it still holds its forks; put them down next). */
  stopEating(id: number): void {
    if (!this.eating[id]) throw new Error(`philosopher ${id} stopped eating but was not eating`);
    this.eating[id] = false;
    this.meals[id]!++;
  }
}
