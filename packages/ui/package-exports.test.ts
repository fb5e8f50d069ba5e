import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entries } from './entries.js';

const pkg = JSON.parse(
  readFileSync(new globalThis.URL('./package.json', import.meta.url).pathname, 'utf8'),
) as {
  exports: Record<string, unknown>;
};

describe('package exports', () => {
  it('lists one subpath per built entry, with types first', () => {
    const expected = Object.keys(entries).map((name) => (name === 'index' ? '.' : `./${name}`));
    const subpaths = Object.keys(pkg.exports).filter(
      (key) => key !== './styles.css' && key !== './package.json',
    );
    expect(subpaths.sort()).toEqual(expected.sort());
    for (const name of Object.keys(entries)) {
      const key = name === 'index' ? '.' : `./${name}`;
      expect(Object.keys(pkg.exports[key] as object)[0]).toBe('types');
      expect(pkg.exports[key]).toEqual({
        types: `./dist/${name}.d.ts`,
        import: `./dist/${name}.js`,
        require: `./dist/${name}.cjs`,
      });
    }
    expect(pkg.exports['./styles.css']).toBe('./dist/styles.css');
  });

  it('keeps @bosv2/mock and the story helpers out of every published entry', () => {
    const root = dirname(new globalThis.URL(import.meta.url).pathname);
    const seen = new Set<string>();
    const offending: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const [, spec] of source.matchAll(/from '([^']+)'/g)) {
        if (!spec) continue;
        if (spec.startsWith('@bosv2/mock') || spec.includes('/stories/')) {
          offending.push(`${file}: ${spec}`);
        }
        if (!spec.startsWith('.')) continue;
        const base = join(dirname(file), spec.replace(/\.js$/, ''));
        const target = ['.ts', '.tsx'].map((ext) => base + ext).find((f) => existsSync(f));
        if (target) visit(target);
      }
    };
    for (const entry of Object.values(entries)) visit(join(root, entry));
    expect(seen.size).toBeGreaterThan(30);
    expect(offending).toEqual([]);
  });
});
