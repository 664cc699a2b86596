// The public entry of @interleave/toolkit: everything a user imports, by family (the folders
// of src/ and the sections of the README). Anything not re-exported here is private.

// Core: deferreds, sleeping, time limits.
export * from './core/deferred.ts';
export * from './core/sleep.ts';
export * from './core/with-timeout.ts';

// Coordination: asyncio's primitives with FIFO hand-off.
export type { Permit } from './coordination/permit.ts';
export { Mutex } from './coordination/mutex.ts';
export type { MutexLockOptions } from './coordination/mutex.ts';
export * from './coordination/semaphore.ts';
export * from './coordination/event.ts';
export * from './coordination/condition.ts';
export * from './coordination/barrier.ts';
export * from './coordination/queue.ts';
export * from './coordination/priority-queue.ts';
export * from './coordination/lifo-queue.ts';
export * from './coordination/channel.ts';
export * from './coordination/errors.ts';

// Limiting: how many at once, and again after a failure.
export * from './limiting/create-limiter.ts';
export * from './limiting/pooled-map.ts';
export * from './limiting/retry.ts';

// Structured concurrency: tasks that end with their scope.
export * from './structured/task-group.ts';
export * from './structured/as-completed.ts';

// Parallelism: worker threads (host side and thread side).
export * from './workers/create-worker.ts';
export * from './workers/worker-pool.ts';
export * from './workers/define-worker.ts';
export * from './workers/worker-errors.ts';

// Shared memory: Atomics-based primitives over a SharedArrayBuffer.
export * from './shared-memory/shared-counter.ts';
export * from './shared-memory/atomic-mutex.ts';
export * from './shared-memory/ring-buffer.ts';

// Tracing: record a timeline, draw it for the terminal and the site.
export * from './tracing/trace.ts';
export * from './tracing/tracer.ts';
export * from './tracing/render-ascii.ts';
export * from './tracing/render-svg.ts';
export * from './tracing/virtual-clock.ts';

// Event loop: asyncio's design on generators (EventLoop, and the family as `aio`).
/**
 * The event-loop family as one namespace, the way Python code says `asyncio.sleep`:
 * `aio.sleep`, `aio.gather`, `aio.waitFor`, `aio.Queue`, `aio.Lock`, `aio.Event`,
 * `aio.Semaphore`, `aio.Future`, `aio.Task`, `aio.Coroutine` (see `src/event-loop/`).
 *
 * @example
 * ```ts
 * import { EventLoop, aio } from '@interleave/toolkit';
 * const loop = new EventLoop();
 * const value = await loop.runUntilComplete((function* (): aio.Coroutine<number> {
 *   yield aio.sleep(100);
 *   return loop.time();
 * })());
 * console.log(value); // 100
 * ```
 */
export * as aio from './event-loop/mod.ts';
export { EventLoop, LoopRecorder } from './event-loop/mod.ts';
export type { EventLoopOptions, EventLoopSteps, LoopStep } from './event-loop/mod.ts';
