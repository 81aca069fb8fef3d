import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // The hub over real HTTP with real SQLite files: give slow disks room, never retry a failure.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
