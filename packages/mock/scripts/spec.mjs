// Where the bundled contract comes from, for the scripts (generate, bench).
// Prefer @bosv2/contract's dist/openapi.json; before the contract has been built, bundle the
// YAML sources with the contract's own redocly into a temporary file.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const contractDir = resolve(here, '../../contract');

/** Returns the path of a bundled openapi.json. */
export function bundledSpecPath({ fresh = false } = {}) {
  const dist = join(contractDir, 'dist/openapi.json');
  if (!fresh && existsSync(dist)) return dist;
  const out = join(mkdtempSync(join(tmpdir(), 'bosv2-spec-')), 'openapi.json');
  const redocly = join(contractDir, 'node_modules/.bin/redocly');
  try {
    execFileSync(redocly, ['bundle', 'openapi/openapi.yaml', '-o', out], {
      cwd: contractDir,
      stdio: 'pipe',
    });
  } catch (error) {
    process.stderr.write(String(error.stderr ?? error));
    throw error;
  }
  return out;
}

export function loadBundledSpec(options) {
  return JSON.parse(readFileSync(bundledSpecPath(options), 'utf8'));
}
