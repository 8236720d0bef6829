import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'shared/**/*.test.ts', 'agents/**/*.test.ts', 'engine/**/*.test.ts', 'cli/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
