// Bundles openapi/openapi.yaml (and every file it references) into dist/openapi.json and
// dist/openapi.yaml. The two files hold the same document; the output depends only on the
// sources (no timestamps), so building twice gives the same bytes.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { packageDir, redoclyOrThrow } from './redocly.mjs';

const distDir = join(packageDir, 'dist');
const source = join(packageDir, 'openapi', 'openapi.yaml');

/** Bundles the contract and returns the bundled document. */
export function bundle() {
  const work = mkdtempSync(join(tmpdir(), 'bosv2-bundle-'));
  try {
    const out = join(work, 'openapi.json');
    redoclyOrThrow(['bundle', source, '--output', out, '--ext', 'json']);
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Writes the bundled document as dist/openapi.json and dist/openapi.yaml. */
export function writeBundle(document) {
  mkdirSync(distDir, { recursive: true });
  writeFileSync(join(distDir, 'openapi.json'), `${JSON.stringify(document, null, 2)}\n`);
  writeFileSync(
    join(distDir, 'openapi.yaml'),
    stringify(document, { lineWidth: 0, aliasDuplicateObjects: false }),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const document = bundle();
  writeBundle(document);
  const operations = Object.values(document.paths ?? {}).flatMap((item) =>
    Object.keys(item).filter((k) =>
      ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'].includes(k),
    ),
  );
  console.log(
    `bundled ${Object.keys(document.paths ?? {}).length} paths, ${operations.length} operations into dist/openapi.json and dist/openapi.yaml`,
  );
}
