export {};
export * from './create-worker.ts';
export * from './worker-pool.ts';
export * from './define-worker.ts';
export * from './worker-errors.ts';
export * from './create-limiter.ts';
export * from './trace.ts';
export * from './virtual-clock.ts';
