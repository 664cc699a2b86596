import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/*.test.ts'],
    // The browser suite starts Chromium once per file and loads every page; each wait is
    // for a real event (a load, a selector), never for a fixed time.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
