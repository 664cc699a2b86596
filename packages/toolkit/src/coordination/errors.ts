/**
 * The catalogue of named error classes of the toolkit's coordination primitives. Each
 * class sets `name`, so `error.name` identifies it also across realms and in logs.
 * Cancellation is never one of these: an aborted wait rejects with `signal.reason`.
 *
 * @module
 */

/**
 * Thrown by {@link Queue.put}, {@link Queue.tryPut}, {@link Queue.get} and
 * {@link Queue.tryGet} once the queue was shut down (asyncio's `QueueShutDown`): `put`
 * always fails after `shutdown()`, `get` fails once the queue is empty.
 *
 * @example
 * ```ts
 * import { Queue, QueueShutDownError } from '@interleave/toolkit';
 * const queue = new Queue<number>();
 * queue.shutdown();
 * await queue.put(1).catch((e: unknown) => console.log(e instanceof QueueShutDownError)); // true
 * ```
 */
export class QueueShutDownError extends Error {
  override readonly name = 'QueueShutDownError';
  constructor(message = 'The queue was shut down') {
    super(message);
  }
}

/**
 * Thrown by {@link Queue.tryGet} when the queue holds no item (asyncio's `QueueEmpty`).
 *
 * @example
 * ```ts
 * import { Queue, QueueEmptyError } from '@interleave/toolkit';
 * try {
 *   new Queue<number>().tryGet();
 * } catch (error) {
 *   console.log(error instanceof QueueEmptyError); // true
 * }
 * ```
 */
export class QueueEmptyError extends Error {
  override readonly name = 'QueueEmptyError';
  constructor(message = 'The queue is empty') {
    super(message);
  }
}

/**
 * Thrown by {@link Queue.tryPut} when a bounded queue holds `maxSize` items (asyncio's
 * `QueueFull`).
 *
 * @example
 * ```ts
 * import { Queue, QueueFullError } from '@interleave/toolkit';
 * const queue = new Queue<number>({ maxSize: 1 });
 * queue.tryPut(1);
 * try {
 *   queue.tryPut(2);
 * } catch (error) {
 *   console.log(error instanceof QueueFullError); // true
 * }
 * ```
 */
export class QueueFullError extends Error {
  override readonly name = 'QueueFullError';
  constructor(message = 'The queue is full') {
    super(message);
  }
}

/**
 * The rejection of {@link Barrier.wait} when the barrier is broken: by
 * {@link Barrier.abort}, by {@link Barrier.reset} while parties wait, or because a
 * waiting party was aborted through its signal (asyncio's `BrokenBarrierError`).
 *
 * @example
 * ```ts
 * import { Barrier, BrokenBarrierError } from '@interleave/toolkit';
 * const barrier = new Barrier(2);
 * const waiting = barrier.wait();
 * barrier.abort();
 * await waiting.catch((e: unknown) => console.log(e instanceof BrokenBarrierError)); // true
 * ```
 */
export class BrokenBarrierError extends Error {
  override readonly name = 'BrokenBarrierError';
  constructor(message = 'The barrier is broken') {
    super(message);
  }
}

/**
 * The rejection of {@link Channel.send} on a closed channel, and of every send that was
 * still blocked when {@link Channel.close} ran (Go panics in both cases; a rejection is
 * the JavaScript way to say the same).
 *
 * @example
 * ```ts
 * import { Channel, ChannelClosedError } from '@interleave/toolkit';
 * const channel = new Channel<number>();
 * channel.close();
 * await channel.send(1).catch((e: unknown) => console.log(e instanceof ChannelClosedError)); // true
 * ```
 */
export class ChannelClosedError extends Error {
  override readonly name = 'ChannelClosedError';
  constructor(message = 'Send on a closed channel') {
    super(message);
  }
}

/**
 * What a cancelled {@link Future} or {@link Task} of an {@link EventLoop} raises (asyncio's
 * `CancelledError`). `task.cancel(msg)` throws one into the task's generator at its current
 * `yield`: the task may catch it (its `finally` blocks run either way); a task that lets it
 * escape ends cancelled, a task that swallows it goes on and is not cancelled.
 *
 * @example
 * ```ts
 * import { CancelledError, EventLoop } from '@interleave/toolkit';
 * const loop = new EventLoop();
 * const future = loop.createFuture<number>();
 * future.cancel('no longer needed');
 * try {
 *   future.result();
 * } catch (error) {
 *   console.log(error instanceof CancelledError, (error as Error).message); // true 'no longer needed'
 * }
 * ```
 */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor(message = 'The operation was cancelled') {
    super(message);
  }
}

/**
 * Thrown when an {@link EventLoop}, a {@link Future} or a {@link Task} is used in a state
 * that does not allow it (asyncio's `InvalidStateError`, and its `RuntimeError`s about the
 * loop): the result of a future that is not done, a second `setResult`, running a loop that
 * is closed or already running, `sleep()` outside a task.
 *
 * @example
 * ```ts
 * import { EventLoop, InvalidStateError } from '@interleave/toolkit';
 * const future = new EventLoop().createFuture<number>();
 * try {
 *   future.result();
 * } catch (error) {
 *   console.log(error instanceof InvalidStateError); // true
 * }
 * ```
 */
export class InvalidStateError extends Error {
  override readonly name = 'InvalidStateError';
  constructor(message: string) {
    super(message);
  }
}
