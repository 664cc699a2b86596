import { describe, expect, it } from 'vitest';
import { TimerHeap } from '#impl/02-timer-heap';

const noop = (): void => {};

function drain(heap: TimerHeap): string[] {
  const out: string[] = [];
  for (let t = heap.pop(); t !== undefined; t = heap.pop()) out.push(`${t.when}#${t.seq}`);
  return out;
}

/** A fixed shuffle (a linear congruential generator), so every run tests the same order. */
function shuffled(n: number): number[] {
  const values = Array.from({ length: n }, (_, i) => i);
  let state = 12345;
  for (let i = n - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [values[i], values[j]] = [values[j]!, values[i]!];
  }
  return values;
}

describe('TimerHeap', () => {
  it('pops timers by deadline, not by the order they were pushed', () => {
    const heap = new TimerHeap();
    for (const when of [30, 10, 20]) heap.push(when, noop);
    expect(heap.size).toBe(3);
    expect(heap.peek()?.when).toBe(10);
    expect(heap.size).toBe(3);
    expect(drain(heap)).toEqual(['10#1', '20#2', '30#0']);
    expect(heap.pop()).toBeUndefined();
    expect(heap.peek()).toBeUndefined();
  });

  it('keeps 1,000 shuffled deadlines in order', () => {
    const heap = new TimerHeap();
    for (const when of shuffled(1000)) heap.push(when, noop);
    const whens = drain(heap).map((s) => Number(s.split('#')[0]));
    expect(whens).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('pops timers with equal deadlines in the order they were pushed (the seq breaks ties)', () => {
    const heap = new TimerHeap();
    heap.push(5, noop);
    for (let i = 0; i < 8; i++) heap.push(10, noop);
    heap.push(20, noop);
    heap.push(1, noop);
    expect(drain(heap)).toEqual(['1#10', '5#0', '10#1', '10#2', '10#3', '10#4', '10#5', '10#6', '10#7', '10#8', '20#9']);
  });

  it('stays ordered when pushes and pops interleave', () => {
    const heap = new TimerHeap();
    const popped: number[] = [];
    for (const [i, when] of shuffled(200).entries()) {
      heap.push(when % 50, noop);
      if (i % 3 === 2) popped.push(heap.pop()!.when);
    }
    const rest = drain(heap).map((s) => Number(s.split('#')[0]));
    expect(rest).toEqual([...rest].sort((a, b) => a - b));
    expect(popped.length + rest.length).toBe(200);
  });

  it('rejects a deadline that is not a number', () => {
    expect(() => new TimerHeap().push(Number.NaN, noop)).toThrow(TypeError);
  });
});
