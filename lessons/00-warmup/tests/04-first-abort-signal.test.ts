import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { sleep } from '#impl/04-first-abort-signal';
import { flush, observe } from '@interleave/lesson-kit/testing';

// Fake timers: time moves only when a test says so, and vi.getTimerCount() tells how
// many timers are still scheduled — a leaked timer is visible, no waiting needed.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function abortListeners(signal: AbortSignal): number {
  return getEventListeners(signal, 'abort').length;
}

test('sleep(ms) resolves after ms milliseconds, not before', async () => {
  const slept = observe(sleep(1000));
  await vi.advanceTimersByTimeAsync(999);
  await flush();
  expect(slept.state, 'after 999 of 1000 ms the sleep should still be running').toBe('pending');
  await vi.advanceTimersByTimeAsync(1);
  await flush();
  expect(slept.state, 'after 1000 ms the sleep should be over').toBe('fulfilled');
  expect(vi.getTimerCount()).toBe(0);
});

test('sleep() rejects with signal.reason when the signal aborts while it waits', async () => {
  const controller = new AbortController();
  const slept = observe(sleep(1000, { signal: controller.signal }));
  await vi.advanceTimersByTimeAsync(400);
  const reason = new Error('user pressed stop');
  controller.abort(reason);
  await flush();
  expect(slept.state, 'the signal aborted: the sleep should reject now, not later').toBe('rejected');
  expect(slept.reason, 'reject with signal.reason itself, not an error of your own').toBe(reason);
});

test('sleep() rejects with the default AbortError when abort() is called without a reason', async () => {
  const controller = new AbortController();
  const slept = observe(sleep(1000, { signal: controller.signal }));
  controller.abort();
  await flush();
  expect(slept.state).toBe('rejected');
  expect(slept.reason, 'reject with signal.reason (here a DOMException named AbortError)').toBe(controller.signal.reason);
  expect((slept.reason as Error).name).toBe('AbortError');
});

test('sleep() cancels its timer when the signal aborts', async () => {
  const controller = new AbortController();
  const slept = observe(sleep(1000, { signal: controller.signal }));
  expect(vi.getTimerCount(), 'sleep() should have started one timer').toBe(1);
  controller.abort(new Error('stop'));
  await flush();
  expect(slept.state).toBe('rejected');
  expect(vi.getTimerCount(), 'the timer is still scheduled after the abort: call clearTimeout').toBe(0);
});

test('sleep() rejects at once, without starting a timer, when the signal is already aborted', async () => {
  const reason = new Error('cancelled before it began');
  let pending: Promise<void>;
  try {
    pending = sleep(1000, { signal: AbortSignal.abort(reason) });
  } catch (error) {
    // e.g. signal.throwIfAborted() outside the promise: the caller's .catch never sees it.
    const message = error instanceof Error ? error.message : String(error);
    if (message.startsWith('Not implemented')) throw error;
    throw new Error(`sleep() threw while being called ("${message}"); it should return a promise that rejects with signal.reason`);
  }
  const slept = observe(pending);
  await flush();
  expect(slept.state, 'the signal was aborted before the call: reject right away').toBe('rejected');
  expect(slept.reason).toBe(reason);
  expect(vi.getTimerCount(), 'no timer should be started for an already-aborted signal').toBe(0);
});

test('sleep() removes its abort listener when the time is up', async () => {
  const controller = new AbortController();
  const slept = observe(sleep(1000, { signal: controller.signal }));
  await vi.advanceTimersByTimeAsync(1000);
  await flush();
  expect(slept.state).toBe('fulfilled');
  expect(abortListeners(controller.signal), "an 'abort' listener is still on the signal after the sleep ended").toBe(0);
});

test('sleep() leaves no abort listener behind after an abort', async () => {
  const controller = new AbortController();
  const slept = observe(sleep(1000, { signal: controller.signal }));
  controller.abort(new Error('stop'));
  await flush();
  expect(slept.state).toBe('rejected');
  expect(abortListeners(controller.signal), "an 'abort' listener is still on the signal after the abort").toBe(0);
});

test('many sleeps on one long-lived signal leave no listeners behind', async () => {
  const shutdown = new AbortController();
  for (let i = 0; i < 20; i++) {
    const slept = observe(sleep(10, { signal: shutdown.signal }));
    await vi.advanceTimersByTimeAsync(10);
    await flush();
    expect(slept.state).toBe('fulfilled');
  }
  expect(abortListeners(shutdown.signal), "20 sleeps ended normally; each should have removed its 'abort' listener").toBe(0);
});
