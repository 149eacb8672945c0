import { defineConfig } from 'vitest/config';

/** The Modal tests without the build step (they do not spawn the bundled hook). */
export default defineConfig({
  root: new URL('../..', import.meta.url).pathname,
  test: {
    include: ['test/modal/**/*.test.ts', 'test/capabilities/modal-*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
