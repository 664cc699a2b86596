import { describe, expect, it } from 'vitest';
import { MiniLoop } from '#impl/03-run-once';

describe('MiniLoop.runOnce', () => {
  it('runs only what was ready when the iteration began; what it schedules waits for the next', () => {
    const loop = new MiniLoop();
    const ran: string[] = [];
    loop.callSoon(() => {
      ran.push('a');
      loop.callSoon(() => ran.push('scheduled by a'));
    });
    loop.callSoon(() => ran.push('b'));
    loop.runOnce();
    expect(ran).toEqual(['a', 'b']);
    loop.runOnce();
    expect(ran).toEqual(['a', 'b', 'scheduled by a']);
  });

  it('a callback that reschedules itself does not starve a timer that fell due', () => {
    const loop = new MiniLoop();
    const ran: string[] = [];
    let spins = 0;
    const spin = (): void => {
      ran.push('spin');
      if (++spins === 2) loop.callLater(0, () => ran.push('timer'));
      if (spins < 1000) loop.callSoon(spin); // bounded, so a wrong answer ends instead of hanging
    };
    loop.callSoon(spin);
    for (let i = 0; i < 3; i++) loop.runOnce();
    expect(ran).toEqual(['spin', 'spin', 'spin', 'timer']);
  });

  it('runs due timers after the callbacks that were already ready, earliest first', () => {
    const loop = new MiniLoop();
    const ran: string[] = [];
    loop.callSoon(() => ran.push('soon 1'));
    loop.callLater(0, () => ran.push('later 0'));
    loop.callSoon(() => ran.push('soon 2'));
    loop.runOnce();
    expect(ran).toEqual(['soon 1', 'soon 2', 'later 0']);
  });

  it('jumps the virtual clock to the next timer only when nothing is ready', () => {
    const loop = new MiniLoop();
    const ran: string[] = [];
    loop.callLater(3_600_000, () => ran.push(`hour at ${loop.time()}`));
    loop.callLater(10, () => ran.push(`ten at ${loop.time()}`));
    loop.callSoon(() => ran.push(`soon at ${loop.time()}`));
    loop.runOnce();
    expect(ran).toEqual(['soon at 0']);
    expect(loop.time()).toBe(0);
    loop.runOnce();
    loop.runOnce();
    expect(ran).toEqual(['soon at 0', 'ten at 10', 'hour at 3600000']);
  });

  it('fires timers due at the same time in the order they were set, together in one iteration', () => {
    const loop = new MiniLoop();
    const ran: string[] = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) loop.callLater(5, () => ran.push(name));
    loop.callLater(1, () => ran.push('first'));
    loop.runOnce();
    expect(ran).toEqual(['first']);
    loop.runOnce();
    expect(ran).toEqual(['first', 'a', 'b', 'c', 'd', 'e']);
  });

  it('never runs a cancelled callback or timer, and a cancelled timer does not move the clock', () => {
    const loop = new MiniLoop();
    const ran: string[] = [];
    loop.callSoon(() => ran.push('soon')).cancel();
    loop.callLater(5, () => ran.push('five')).cancel();
    loop.callLater(7, () => ran.push(`seven at ${loop.time()}`));
    loop.runOnce(); // the cancelled callback's turn: it is skipped
    loop.runOnce();
    expect(ran).toEqual(['seven at 7']);
  });
});
