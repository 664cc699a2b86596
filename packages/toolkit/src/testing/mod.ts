// The public entry @interleave/toolkit/testing: helpers for testing your own concurrent code
// (and this package's). reach.ts is private to the toolkit's own tests.
export * from './abort-at-every-await.ts';
export * from './counted-signal.ts';
export * from './every-interleaving.ts';
export * from './microtasks.ts';
export * from './explore-schedules.ts';
