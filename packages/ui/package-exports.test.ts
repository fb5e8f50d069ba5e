import { readFileSync } from 'node:fs';
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
});
