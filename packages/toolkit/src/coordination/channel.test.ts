import { describe, expect, it } from 'vitest';
import { Channel } from './channel.ts';
import { ChannelClosedError } from './errors.ts';
import { countedAbortController } from '../testing/counted-signal.ts';
import { track, turns } from '../testing/microtasks.ts';

describe('Channel', () => {
  it('defaults to capacity 0 and checks capacity first', () => {
    expect(new Channel().capacity).toBe(0);
    expect(() => new Channel({ capacity: -1 })).toThrow(/Channel: options\.capacity must be an integer from 0 to 2\*\*53 - 1, got -1/);
    expect(() => new Channel({ capacity: 0.5 })).toThrow(RangeError);
  });

  describe('capacity 0 (rendezvous)', () => {
    it('send() waits until a receiver takes the value', async () => {
      const channel = new Channel<string>();
      const sent = track(channel.send('hi'));
      await turns();
      expect(sent.settled).toBe(false);
      expect(channel.size).toBe(0); // nothing is buffered
      expect(channel.waiting.senders).toBe(1);
      expect(await channel.receive()).toEqual({ done: false, value: 'hi' });
      await sent.promise;
    });

    it('receive() waits until a sender comes; the sender then does not wait', async () => {
      const channel = new Channel<number>();
      const received = track(channel.receive());
      await turns();
      expect(received.settled).toBe(false);
      await channel.send(1); // resolves: a receiver took it
      expect(await received.promise).toEqual({ done: false, value: 1 });
    });

    it('trySend() succeeds only when a receiver waits; tryReceive() only when a sender waits', async () => {
      const channel = new Channel<number>();
      expect(channel.trySend(1)).toBe(false);
      expect(channel.tryReceive()).toBeUndefined();
      const received = channel.receive();
      expect(channel.trySend(2)).toBe(true);
      expect(await received).toEqual({ done: false, value: 2 });
      const sent = channel.send(3);
      expect(channel.tryReceive()).toEqual({ done: false, value: 3 });
      await sent;
    });

    it('pairs senders and receivers first come, first served', async () => {
      const channel = new Channel<number>();
      const sends = [1, 2, 3].map((n) => channel.send(n));
      const got = [await channel.receive(), await channel.receive(), await channel.receive()].map((r) => r.value);
      expect(got).toEqual([1, 2, 3]);
      await Promise.all(sends);
    });
  });

  describe('buffered', () => {
    it('send() completes at once while the buffer has room, then waits (backpressure)', async () => {
      const channel = new Channel<number>({ capacity: 2 });
      await channel.send(1);
      await channel.send(2);
      const third = track(channel.send(3));
      await turns();
      expect(third.settled).toBe(false);
      expect(channel.size).toBe(2);
      expect((await channel.receive()).value).toBe(1);
      await third.promise;
      expect([(await channel.receive()).value, (await channel.receive()).value]).toEqual([2, 3]);
    });

    it('no barging: a trySend() after a receive() fails while a sender waits', async () => {
      const channel = new Channel<number>({ capacity: 1 });
      channel.trySend(1);
      const waiting = channel.send(2);
      expect(channel.tryReceive()?.value).toBe(1);
      expect(channel.trySend(3)).toBe(false);
      await waiting;
      expect(channel.tryReceive()?.value).toBe(2);
    });
  });

  describe('close()', () => {
    it('send() on a closed channel rejects with ChannelClosedError (never throws)', async () => {
      const channel = new Channel<number>();
      channel.close();
      expect(channel.closed).toBe(true);
      await expect(channel.send(1)).rejects.toBeInstanceOf(ChannelClosedError);
      expect(() => channel.trySend(1)).toThrow(ChannelClosedError);
    });

    it('closing twice throws ChannelClosedError (as Go panics)', () => {
      const channel = new Channel<number>();
      channel.close();
      expect(() => channel.close()).toThrow(ChannelClosedError);
    });

    it('receivers drain the buffer first, then get done', async () => {
      const channel = new Channel<number>({ capacity: 3 });
      await channel.send(1);
      await channel.send(2);
      channel.close();
      expect(await channel.receive()).toEqual({ done: false, value: 1 });
      expect(await channel.receive()).toEqual({ done: false, value: 2 });
      expect(await channel.receive()).toEqual({ done: true, value: undefined });
      expect(channel.tryReceive()).toEqual({ done: true, value: undefined });
    });

    it('wakes every blocked receiver with done and rejects every blocked sender', async () => {
      const empty = new Channel<number>();
      const counted = countedAbortController();
      const receivers = [empty.receive({ signal: counted.signal }), empty.receive()];
      empty.close();
      for (const r of receivers) expect(await r).toEqual({ done: true, value: undefined });
      expect(counted.listeners()).toBe(0);

      const full = new Channel<number>({ capacity: 1 });
      await full.send(1);
      const senders = [full.send(2, { signal: counted.signal }), full.send(3)];
      full.close();
      for (const s of senders) await expect(s).rejects.toBeInstanceOf(ChannelClosedError);
      expect(full.waiting).toEqual({ senders: 0, receivers: 0 });
      expect(counted.listeners()).toBe(0);
      // The value already buffered still drains; the rejected sends never arrive.
      expect((await full.receive()).value).toBe(1);
      expect((await full.receive()).done).toBe(true);
    });

    it('a blocked unbuffered sender is rejected by close(), its value never received', async () => {
      const channel = new Channel<string>();
      const sent = channel.send('lost');
      channel.close();
      await expect(sent).rejects.toBeInstanceOf(ChannelClosedError);
      expect(await channel.receive()).toEqual({ done: true, value: undefined });
    });
  });

  describe('for await', () => {
    it('yields every value in order and ends when closed and drained', async () => {
      const channel = new Channel<number>({ capacity: 1 });
      const producer = (async () => {
        for (let i = 0; i < 5; i++) await channel.send(i);
        channel.close();
      })();
      const seen: number[] = [];
      for await (const value of channel) seen.push(value);
      await producer;
      expect(seen).toEqual([0, 1, 2, 3, 4]);
    });

    it('breaking out of the loop does not close the channel', async () => {
      const channel = new Channel<number>({ capacity: 2 });
      await channel.send(1);
      await channel.send(2);
      for await (const value of channel) {
        expect(value).toBe(1);
        break;
      }
      expect(channel.closed).toBe(false);
      expect((await channel.receive()).value).toBe(2);
    });

    it('values({ signal }) stops with the reason when aborted while waiting', async () => {
      const channel = new Channel<number>();
      const controller = new AbortController();
      const reason = new Error('stop');
      const loop = (async () => {
        for await (const _ of channel.values({ signal: controller.signal })) {
          // never reached
        }
      })();
      await turns();
      controller.abort(reason);
      await expect(loop).rejects.toBe(reason);
      expect(channel.waiting.receivers).toBe(0);
    });
  });

  describe('abort', () => {
    it('aborting a blocked receive() removes it before rejecting; the next value goes to the next receiver', async () => {
      const channel = new Channel<number>();
      const counted = countedAbortController();
      const aborted = channel.receive({ signal: counted.signal });
      const next = channel.receive();
      let receiversAtReject = -1;
      const seen = aborted.catch((e: unknown) => ((receiversAtReject = channel.waiting.receivers), e));
      counted.abort('gone');
      expect(await seen).toBe('gone');
      expect(receiversAtReject).toBe(1);
      await channel.send(9);
      expect(await next).toEqual({ done: false, value: 9 });
      expect(counted.listeners()).toBe(0);
    });

    it('aborting a blocked send() withdraws its value', async () => {
      const channel = new Channel<number>();
      const counted = countedAbortController();
      const aborted = channel.send(1, { signal: counted.signal });
      const kept = channel.send(2);
      counted.abort('gone');
      await expect(aborted).rejects.toBe('gone');
      expect(await channel.receive()).toEqual({ done: false, value: 2 });
      await kept;
      expect(channel.tryReceive()).toBeUndefined();
      expect(counted.listeners()).toBe(0);
    });

    it('an already aborted signal rejects at once even when a partner waits', async () => {
      const channel = new Channel<number>();
      const receiver = track(channel.receive());
      const reason = new Error('before');
      await expect(channel.send(1, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
      await turns();
      expect(receiver.settled).toBe(false);
      channel.close();
      await receiver.promise;
    });
  });

  it('stays O(1): 100 000 values through a rendezvous channel, in order', async () => {
    const channel = new Channel<number>();
    const n = 100_000;
    const producer = (async () => {
      for (let i = 0; i < n; i++) await channel.send(i);
      channel.close();
    })();
    let expected = 0;
    let inOrder = true;
    for await (const v of channel) if (v !== expected++) inOrder = false;
    await producer;
    expect(inOrder).toBe(true);
    expect(expected).toBe(n);
  });
});
