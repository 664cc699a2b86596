/**
 * The event-loop family: asyncio's design on generators. The toolkit's entry exports it as
 * the namespace `aio` (as Python code says `asyncio.sleep`), and `EventLoop` and
 * `LoopRecorder` also by name.
 *
 * @module
 */
export { EventLoop, getRunningLoop } from './event-loop.ts';
export type { EventLoopOptions, ExceptionContext, ExceptionHandler } from './event-loop.ts';
export { Handle, TimerHandle } from './handle.ts';
export type { CallOptions } from './handle.ts';
export { Future, SleepRequest } from './future.ts';
export type { Awaitable, Coroutine, Yieldable } from './future.ts';
export { Task } from './task.ts';
export type { TaskOptions } from './task.ts';
export { sleep } from './sleep.ts';
export { ensureFuture } from './ensure-future.ts';
export { gather } from './gather.ts';
export type { AwaitedValue } from './gather.ts';
export { waitFor } from './wait-for.ts';
export { Lock } from './lock.ts';
export { Event } from './event.ts';
export { Semaphore } from './semaphore.ts';
export { Queue } from './queue.ts';
export type { LoopQueueOptions } from './queue.ts';
export { LoopRecorder } from './loop-recorder.ts';
export type { EventLoopSteps, IterationRecord, LoopRecorderOptions, LoopStep } from './loop-recorder.ts';
export { CancelledError, InvalidStateError } from '../coordination/errors.ts';
