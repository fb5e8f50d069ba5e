import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { type Plugin, type ResolvedConfig, transformWithOxc } from 'vite';
import { precacheList } from './src/sw/precache.js';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * Writes `sw.js` into the build: the hand-written worker in src/sw/service-worker.ts with the
 * list of every built file (and a version hash of their contents) for it to precache.
 */
export function serviceWorker(source = 'src/sw/service-worker.ts'): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'bosv2-sandbox-service-worker',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      const outDir = resolve(config.root, config.build.outDir);
      const outputs = walk(outDir).map(
        (file) => [relative(outDir, file).split(sep).join('/'), readFileSync(file)] as const,
      );
      const precache = precacheList(outputs);
      const path = resolve(config.root, source);
      const { code } = await transformWithOxc(readFileSync(path, 'utf8'), path, { lang: 'ts' });
      const worker = `const __PRECACHE__ = ${JSON.stringify(precache)};\n${code}`;
      writeFileSync(join(outDir, 'sw.js'), worker);
    },
  };
}
