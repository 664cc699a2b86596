import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    // Worker tests wait (with their own, named limits) for threads to start; on a busy
    // 2-core machine running the whole suite that can take several seconds each.
    testTimeout: 30_000,
  },
});
