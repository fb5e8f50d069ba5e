import { resolve } from 'node:path';
import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      node: 'src/node.ts',
      factories: 'src/factories.ts',
      validators: 'src/validators.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'neutral',
    external: ['node:*'],
    // import.meta.url in the CommonJS build (load-spec.ts resolves the contract with it).
    shims: true,
  },
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    // One file to read instead of ~100 CommonJS modules to resolve: the CLI answers sooner.
    noExternal: ['ajv', 'ajv-formats'],
    // The CLI answers its first request before it loads faker and the precompiled validators
    // (src/preload.lazy.ts instead of src/preload.ts; MockEngine.prepare loads them).
    esbuildPlugins: [
      {
        name: 'lazy-preload',
        setup(build) {
          build.onResolve({ filter: /[\\/]preload\.js$/ }, (args) => ({
            path: resolve(args.resolveDir, args.path.replace(/preload\.js$/, 'preload.lazy.ts')),
          }));
        },
      },
    ],
  },
]);
