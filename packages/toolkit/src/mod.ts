export {};
export * from './create-worker.ts';
export * from './worker-pool.ts';
export * from './define-worker.ts';
export * from './worker-errors.ts';
export * from './create-limiter.ts';
export * from './trace.ts';
export * from './virtual-clock.ts';
export * from './shared-counter.ts';
export * from './atomic-mutex.ts';
export * from './ring-buffer.ts';
export * from './pooled-map.ts';
export * from './retry.ts';
export * from './task-group.ts';
export * from './as-completed.ts';
export * from './deferred.ts';
export * from './sleep.ts';
export * from './with-timeout.ts';
export type { Permit } from './permit.ts';
export { Mutex } from './mutex.ts';
export type { MutexLockOptions } from './mutex.ts';
export * from './semaphore.ts';
export * from './event.ts';
export * from './condition.ts';
export * from './barrier.ts';
export * from './queue.ts';
export * from './priority-queue.ts';
export * from './lifo-queue.ts';
export * from './channel.ts';
export * from './errors.ts';
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
