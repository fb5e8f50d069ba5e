import { describe, expect, it } from 'vitest';
import { precacheList } from './precache.js';

describe('precacheList', () => {
  it('lists the start page and every built file but source maps and the worker', () => {
    const list = precacheList([
      ['index.html', '<html>'],
      ['assets/index-a1.js', 'code'],
      ['assets/index-a1.js.map', '{}'],
      ['sw.js', 'worker'],
      ['icon.svg', '<svg>'],
    ]);
    expect(list.files).toEqual(['./', 'assets/index-a1.js', 'icon.svg', 'index.html']);
  });

  it('changes its version when a file changes, and only then', () => {
    const a = precacheList([['index.html', 'one']]);
    const same = precacheList([['index.html', 'one']]);
    const changed = precacheList([['index.html', 'two']]);
    expect(a.version).toBe(same.version);
    expect(a.version).not.toBe(changed.version);
  });
});
