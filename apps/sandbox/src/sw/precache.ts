import { createHash } from 'node:crypto';

/** What the service worker caches: every file of the build except maps and the worker itself. */
export interface Precache {
  /** Changes whenever any listed file changes, so a new build installs a new cache. */
  version: string;
  /** Paths relative to the worker's scope (`./` is the start page). */
  files: string[];
}

/**
 * Lists the files a build must cache to run offline, from the build's output names and their
 * contents (for the version hash).
 *
 * @example
 * precacheList([['index.html', html], ['assets/index-abc.js', js]]);
 * // { version: '1f2e…', files: ['./', 'assets/index-abc.js', 'index.html'] }
 */
export function precacheList(outputs: Iterable<readonly [string, string | Uint8Array]>): Precache {
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const [name, content] of [...outputs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (name.endsWith('.map') || name === 'sw.js' || name.startsWith('.')) continue;
    files.push(name);
    hash.update(name).update('\0').update(content).update('\0');
  }
  return { version: hash.digest('hex').slice(0, 16), files: ['./', ...files] };
}
