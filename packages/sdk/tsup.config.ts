import { defineConfig } from 'tsup';

const entry = {
  index: 'src/index.ts',
  'outbox/index': 'src/outbox/index.ts',
  'outbox/indexeddb': 'src/outbox/indexeddb.ts',
  'outbox/file': 'src/outbox/file.ts',
};

export default defineConfig([
  {
    entry,
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    external: ['node:*', 'ky'],
  },
  {
    // ky is ESM-only: the CommonJS build carries its own copy so `require()` works everywhere.
    entry,
    format: ['cjs'],
    dts: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    external: ['node:*'],
    noExternal: ['ky'],
  },
]);
