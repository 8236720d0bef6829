import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'shared/**/*.test.ts', 'agents/**/*.test.ts', 'engine/**/*.test.ts', 'cli/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // The app's end-to-end tests serve the built renderer; build it once, up front.
    globalSetup: ['test/e2e/build.setup.ts'],
  },
});
