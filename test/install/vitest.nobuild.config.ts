import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';

/** The repo's test config without the build step, for running these folders while dist/ is in flux. */
export default defineConfig({
  root: resolve(import.meta.dirname, '..', '..'),
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
