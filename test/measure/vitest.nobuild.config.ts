// Runs the measure/deps tests without the global build step (they need no dist/), for when
// another part of the tree is mid-edit and `node scripts/build.mjs` cannot compile it.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
