import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'shared/**/*.test.ts', 'agents/**/*.test.ts', 'engine/**/*.test.ts', 'cli/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // The app's end-to-end tests serve the built renderer, and spawned CLIs run the compiled CLI: build both once, up front.
    globalSetup: ['test/e2e/build.setup.ts', 'test/cli-build.setup.ts'],
  },
});
