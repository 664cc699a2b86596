export {};
export * from './create-worker.ts';
