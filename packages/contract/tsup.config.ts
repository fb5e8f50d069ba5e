import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  // `clean` would delete dist/openapi.* that scripts/bundle.mjs wrote just before.
  clean: false,
  shims: true,
  target: 'node20',
  platform: 'node',
});
