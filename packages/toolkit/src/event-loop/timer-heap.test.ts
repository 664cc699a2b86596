import { describe, expect, it } from 'vitest';
import { TimerHandle } from './handle.ts';
import type { TimerOwner } from './handle.ts';
import { TimerHeap } from './timer-heap.ts';

const owner: TimerOwner = { timerCancelled() {} };
const noop = (): void => {};

/** A small deterministic PRNG (mulberry32): the same operations on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const byKey = (a: TimerHandle, b: TimerHandle): number => a.when - b.when || a.seq - b.seq;

/**
 * Deadlines chosen to hit every path: ties on whole milliseconds (chains), whole milliseconds
 * 256 apart (the same slot of the tail table: a collision starts a new chain for the same
 * `when`), fractions (no chain), -0 beside 0, and deadlines past 2³¹ ms (`| 0` wraps).
 */
function deadline(rand: () => number): number {
  const r = rand();
  if (r < 0.5) return Math.floor(rand() * 8) * 256 + Math.floor(rand() * 3); // ties and slot collisions
  if (r < 0.7) return Math.floor(rand() * 20) + 0.25 * Math.floor(rand() * 4); // fractions
  if (r < 0.8) return rand() < 0.5 ? 0 : -0;
  if (r < 0.9) return 2 ** 31 + Math.floor(rand() * 3); // past the int32 range
  return Math.floor(rand() * 5_000);
}

describe('TimerHeap: timers come out in (when, seq) order, chained or not', () => {
  it('matches a sorted list over 20 000 random pushes, pops, rebuilds and clears (fixed seeds)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rand = random(seed);
      const heap = new TimerHeap();
      let reference: TimerHandle[] = [];
      let seq = 0;
      for (let step = 0; step < 4_000; step++) {
        const r = rand();
        if (r < 0.55) {
          const timer = new TimerHandle(deadline(rand), seq++, noop, owner);
          heap.push(timer);
          reference.push(timer);
        } else if (r < 0.93) {
          reference.sort(byKey);
          expect(heap.peek()).toBe(reference[0]);
          if (reference.length > 0) expect(heap.pop()).toBe(reference.shift());
        } else if (r < 0.98) {
          // The loop's rebuild: drop a random third, as cancelled timers are dropped.
          const drop = new Set(reference.filter(() => rand() < 0.33));
          heap.filter((t) => !drop.has(t));
          reference = reference.filter((t) => !drop.has(t));
          expect(heap.sorted()).toEqual([...reference].sort(byKey));
        } else if (r < 0.985) {
          expect(new Set(heap.clear())).toEqual(new Set(reference));
          reference = [];
        }
        expect(heap.size).toBe(reference.length);
      }
      const rest: TimerHandle[] = [];
      while (heap.size > 0) rest.push(heap.pop());
      expect(rest).toEqual(reference.sort(byKey));
      expect(heap.peek()).toBeUndefined();
    }
  });

  it('keeps a chain in order when another deadline takes its slot in the tail table and the first comes back', () => {
    const heap = new TimerHeap();
    const make = (when: number, seq: number): TimerHandle => new TimerHandle(when, seq, noop, owner);
    const a0 = make(5, 0);
    const a1 = make(5, 1); // chains behind a0
    const b = make(5 + 256, 2); // same slot: a's tail is forgotten
    const a2 = make(5, 3); // a new chain for when 5, after the old one
    const c = make(5, 4); // chains behind a2
    for (const t of [a0, a1, b, a2, c]) heap.push(t);
    expect([heap.pop(), heap.pop(), heap.pop(), heap.pop(), heap.pop()]).toEqual([a0, a1, a2, c, b]);
  });

  it('does not chain onto a timer that already left the heap', () => {
    const heap = new TimerHeap();
    const first = new TimerHandle(7, 0, noop, owner);
    heap.push(first);
    expect(heap.pop()).toBe(first);
    const second = new TimerHandle(7, 1, noop, owner);
    heap.push(second);
    expect(heap.size).toBe(1);
    expect(heap.pop()).toBe(second);
    expect(heap.size).toBe(0);
  });
});
