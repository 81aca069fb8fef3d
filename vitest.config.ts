import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** The shell's tests stand a fake in for electron (vi.mock) and fake the timers: each file in a fresh module registry. */
const shell = ['tests/unit/electron/**/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    // The hub over real HTTP with real SQLite files: give slow disks room, never retry a failure.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // One fork per core, two at least: most files wait on SQLite, the disk and child processes
    // rather than compute, and Vitest's default (one fewer than the cores) left a two-core build
    // machine running one file at a time (100 s; 65 s with two).
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      { extends: true, test: { name: 'shell', include: shell, isolate: true } },
      {
        extends: true,
        test: {
          name: 'hub',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          exclude: shell,
          // These files mock nothing and each makes its own hub, database and folders, so a fork
          // keeps the modules it has loaded from one file to the next: loading them again for every
          // file took 34 s of a 123 s run. Run in a shuffled order (`--sequence.shuffle.files`), they
          // pass as well; a file that needs a fresh registry belongs in the project above.
          isolate: false,
        },
      },
    ],
  },
});
