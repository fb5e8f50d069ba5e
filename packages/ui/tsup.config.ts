import { copyFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';
import { entries } from './entries.js';

export default defineConfig({
  entry: entries,
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  // Shared modules (the locale context above all) must be one instance across entry points,
  // in CommonJS too, or a provider from one entry would not reach a component from another.
  splitting: true,
  treeshake: true,
  target: 'es2022',
  platform: 'browser',
  external: ['react', 'react-dom', 'react/jsx-runtime'],
  async onSuccess() {
    await copyFile('src/styles.css', 'dist/styles.css');
  },
});
