import { describe, expect, it } from 'vitest';
import { Deque } from './deque.ts';

describe('Deque (the ring buffer behind Queue, Channel and WorkerPool)', () => {
  it('keeps FIFO order when it grows while its head has wrapped around', () => {
    const deque = new Deque<number>();
    const expected: number[] = [];
    let next = 0;
    // Move the head away from slot 0, then fill past the first capacity (16) so the ring
    // grows while its items wrap around the end of the array.
    for (let i = 0; i < 10; i++) deque.push(next++);
    for (let i = 0; i < 7; i++) expect(deque.shift()).toBe(i);
    for (let i = 7; i < 10; i++) expected.push(i);
    for (let i = 0; i < 40; i++) {
      deque.push(next);
      expected.push(next++);
    }
    expect(deque.size).toBe(expected.length);
    const out: number[] = [];
    while (deque.size > 0) out.push(deque.shift());
    expect(out).toEqual(expected);
  });

  it('interleaved pushes and shifts over many growths stay in order', () => {
    const deque = new Deque<number>();
    let pushed = 0;
    let shifted = 0;
    for (let round = 0; round < 200; round++) {
      for (let i = 0; i < round % 37; i++) deque.push(pushed++);
      for (let i = 0; i < round % 23 && deque.size > 0; i++) expect(deque.shift()).toBe(shifted++);
    }
    while (deque.size > 0) expect(deque.shift()).toBe(shifted++);
    expect(shifted).toBe(pushed);
  });

  it('clear() empties it and it works again afterwards', () => {
    const deque = new Deque<string>();
    for (const s of ['a', 'b', 'c']) deque.push(s);
    deque.clear();
    expect(deque.size).toBe(0);
    deque.push('d');
    expect(deque.shift()).toBe('d');
  });

  it('unshift() puts items back at the front, in order, also across a growth and a wrap', () => {
    const deque = new Deque<number>();
    for (let i = 0; i < 5; i++) deque.push(i);
    expect(deque.shift()).toBe(0);
    expect(deque.peek()).toBe(1);
    // Put 20 items back in front (more than the first capacity): the oldest comes first.
    for (let i = -1; i >= -20; i--) deque.unshift(i);
    expect(deque.peek()).toBe(-20);
    const out: number[] = [];
    while (deque.size > 0) out.push(deque.shift());
    expect(out).toEqual([...Array.from({ length: 20 }, (_, i) => i - 20), 1, 2, 3, 4]);
    expect(deque.peek()).toBeUndefined();
  });
});
