import { describe, expect, it } from 'vitest';
import { ReadyQueue } from '#impl/01-call-soon';

describe('ReadyQueue', () => {
  it('runs callbacks in the order they were queued', () => {
    const queue = new ReadyQueue();
    const ran: number[] = [];
    for (let i = 0; i < 5; i++) queue.callSoon(() => ran.push(i));
    expect(queue.length).toBe(5);
    expect(queue.runAll()).toBe(5);
    expect(ran).toEqual([0, 1, 2, 3, 4]);
    expect(queue.length).toBe(0);
  });

  it('skips a cancelled callback', () => {
    const queue = new ReadyQueue();
    const ran: string[] = [];
    queue.callSoon(() => ran.push('a'));
    const b = queue.callSoon(() => ran.push('b'));
    queue.callSoon(() => ran.push('c'));
    b.cancel();
    expect(b.cancelled).toBe(true);
    expect(queue.runAll()).toBe(2);
    expect(ran).toEqual(['a', 'c']);
  });

  it('runs what a callback queues after what was queued before it', () => {
    const queue = new ReadyQueue();
    const ran: string[] = [];
    queue.callSoon(() => {
      ran.push('a');
      queue.callSoon(() => ran.push('from a'));
    });
    queue.callSoon(() => ran.push('b'));
    queue.runAll();
    expect(ran).toEqual(['a', 'b', 'from a']);
  });

  it('handles 20,000 callbacks, queued at once and chained', () => {
    const queue = new ReadyQueue();
    let count = 0;
    for (let i = 0; i < 10_000; i++) queue.callSoon(() => count++);
    const next = (): void => {
      if (++count < 20_000) queue.callSoon(next);
    };
    queue.callSoon(next);
    queue.runAll();
    expect(count).toBe(20_000);
  });

  it('rejects a callback that is not a function, naming it', () => {
    expect(() => new ReadyQueue().callSoon('tick' as never)).toThrow(TypeError);
    expect(() => new ReadyQueue().callSoon('tick' as never)).toThrow(/callback/);
  });
});
