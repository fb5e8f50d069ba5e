import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', '*.test.ts'],
    environment: 'happy-dom',
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 20_000,
    pool: 'threads',
    // One happy-dom per worker instead of one per file: the environment set-up dominated the run.
    isolate: false,
  },
});
