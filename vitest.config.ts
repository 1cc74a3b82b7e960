import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/unit/**/*.test.ts',
      'test/unit/**/*.test.tsx',
      'test/integration/**/*.test.ts',
      'test/robustness/**/*.test.ts',
    ],
    environment: 'node',
    // dist/main is built once here; no test file rebuilds it while others run from it.
    globalSetup: ['test/support/build-main-once.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: integration tests open real SQLite files and spawn processes.
    maxWorkers: 2,
  },
});
