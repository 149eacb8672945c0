import { defineConfig } from 'vitest/config';

/** Runs the path, binding and scope tests without the build step (for when dist/ cannot be built). */
export default defineConfig({
  root: new URL('../..', import.meta.url).pathname,
  test: { include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', 'node_modules/**'], pool: 'forks', testTimeout: 30_000 },
});
