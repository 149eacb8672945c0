// Runs the shell analysis tests without the global build step (they need no dist/).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/shell/**/*.test.ts', 'test/corpus/**/*.test.ts', 'test/capabilities/{no-git-ops,kill-guard,bash-read-only}*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
