import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/*.test.ts'],
    // These tests spawn the real CLI; each waits for real processes, never for a fixed time.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
