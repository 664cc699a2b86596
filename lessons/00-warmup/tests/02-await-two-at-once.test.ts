import { expect, test } from 'vitest';
import { both } from '#impl/02-await-two-at-once';
import { deferred, flush, observe } from '@interleave/lesson-kit/testing';

// Each test owns two deferreds: operations that finish exactly when the test says so.
// No timers, no sleeps — the outcome never depends on how fast the machine is.
function twoOperations() {
  const first = deferred<string>();
  const second = deferred<number>();
  const started: string[] = [];
  const startFirst = () => {
    started.push('first');
    return first.promise;
  };
  const startSecond = () => {
    started.push('second');
    return second.promise;
  };
  return { first, second, started, startFirst, startSecond };
}

test('both() starts the second operation before the first one has finished', async () => {
  const ops = twoOperations();
  const result = observe(both(ops.startFirst, ops.startSecond));
  await flush();
  expect([...ops.started].sort(), 'neither operation has finished yet, so both should have been started by now').toEqual([
    'first',
    'second',
  ]);
  ops.first.resolve('ada');
  ops.second.resolve(3);
  await flush();
  expect(result.state).toBe('fulfilled');
});

test('both() resolves to [first, second] in argument order, even when the second finishes first', async () => {
  const ops = twoOperations();
  const result = observe(both(ops.startFirst, ops.startSecond));
  ops.second.resolve(3);
  await flush();
  expect(result.state, 'the first operation has not finished, so both() must still be waiting').toBe('pending');
  ops.first.resolve('ada');
  await flush();
  expect(result.state).toBe('fulfilled');
  expect(result.value).toEqual(['ada', 3]);
});

test('both() starts each operation exactly once', async () => {
  const ops = twoOperations();
  ops.first.resolve('ada');
  ops.second.resolve(3);
  await expect(both(ops.startFirst, ops.startSecond)).resolves.toEqual(['ada', 3]);
  expect(ops.started.filter((s) => s === 'first')).toHaveLength(1);
  expect(ops.started.filter((s) => s === 'second')).toHaveLength(1);
});

test('both() rejects as soon as the second rejects, without waiting for the first', async () => {
  const ops = twoOperations();
  // Handled here so that an answer which never starts the second operation fails on the
  // assertion below, not on a confusing "unhandled rejection".
  ops.second.promise.catch(() => {});
  const result = observe(both(ops.startFirst, ops.startSecond));
  const failure = new Error('posts service is down');
  ops.second.reject(failure);
  await flush();
  expect(result.state, 'the second operation failed while the first was still running: both() should reject now').toBe(
    'rejected',
  );
  expect(result.reason).toBe(failure);
  ops.first.resolve('ada');
});

test('both() rejects as soon as the first rejects, without waiting for the second', async () => {
  const ops = twoOperations();
  const result = observe(both(ops.startFirst, ops.startSecond));
  const failure = new Error('user service is down');
  ops.first.reject(failure);
  await flush();
  expect(result.state, 'the first operation failed: both() should reject now').toBe('rejected');
  expect(result.reason).toBe(failure);
  ops.second.resolve(3);
});
