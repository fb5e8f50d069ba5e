import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { OpenApiDocument } from '../engine/types.js';

let cached: OpenApiDocument | undefined;

/**
 * The bundled contract: `$BOSV2_SPEC` if set, else `@bosv2/contract/openapi.json` (its
 * `dist/openapi.json`); inside the monorepo, before the contract has been built, its YAML
 * sources are bundled with the contract's redocly into a temporary file.
 */
export function loadContractSpec(): OpenApiDocument {
  if (cached) return cached;
  cached = JSON.parse(readFileSync(contractSpecPath(), 'utf8')) as OpenApiDocument;
  return cached;
}

export function contractSpecPath(): string {
  const fromEnv = process.env.BOSV2_SPEC;
  if (fromEnv) return fromEnv;
  const require = createRequire(import.meta.url);
  try {
    // @bosv2/contract's own answer (its `specPath`), when its module is built.
    const { specPath } = require('@bosv2/contract') as { specPath?: string };
    if (specPath && existsSync(specPath)) return specPath;
  } catch {
    // Not built yet: look for the file, then bundle the sources.
  }
  const contractDir = dirname(require.resolve('@bosv2/contract/package.json'));
  const dist = join(contractDir, 'dist/openapi.json');
  if (existsSync(dist)) return dist;
  const redocly = join(contractDir, 'node_modules/.bin/redocly');
  const root = join(contractDir, 'openapi/openapi.yaml');
  if (!existsSync(redocly) || !existsSync(root)) {
    throw new Error(
      'The contract is not built: run `pnpm -F @bosv2/contract build` (or set BOSV2_SPEC to a bundled openapi.json).',
    );
  }
  const out = join(mkdtempSync(join(tmpdir(), 'bosv2-spec-')), 'openapi.json');
  // Loaded only here: node:child_process costs ~10 ms at start for nothing otherwise.
  const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
  execFileSync(redocly, ['bundle', root, '-o', out], { cwd: contractDir, stdio: 'pipe' });
  process.env.BOSV2_SPEC = out;
  return out;
}
