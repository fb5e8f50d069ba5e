// Builds the API reference page dist/reference/index.html from dist/openapi.json with
// `redocly build-docs --inlineBundle` (Redoc, server-rendered and hydrated by the Redoc bundle
// that ships inside @redocly/cli). The page is one self-contained file: no CDN, no web font,
// no request to any other host. The build fails if anything external is left.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findExternalResources } from './external-resources.mjs';
import { packageDir, redoclyOrThrow } from './redocly.mjs';

const specFile = join(packageDir, 'dist', 'openapi.json');
const outDir = join(packageDir, 'dist', 'reference');
const outFile = join(outDir, 'index.html');

// Redoc's sidebar footer shows a logo from cdn.redoc.ly; show the same mark from a data: URI.
const LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0044d4"/><path d="M5 4h4a2.5 2.5 0 0 1 0 5H7l3 3H8L5 9V4zm2 1.5v2h2a1 1 0 0 0 0-2H7z" fill="#fff"/></svg>',
)}`;
const REPLACEMENTS = [
  ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', LOGO],
  ['https://cdn.redoc.ly/redoc/logo-mini.svg', LOGO],
];

/** Builds the page and returns its path. */
export function buildReference() {
  const spec = JSON.parse(readFileSync(specFile, 'utf8'));
  mkdirSync(outDir, { recursive: true });
  redoclyOrThrow([
    'build-docs',
    specFile,
    '--inlineBundle',
    '--output',
    outFile,
    '--title',
    `${spec.info?.title ?? 'API'} — reference ${spec.info?.version ?? ''}`.trim(),
    '--lint-config',
    'off',
  ]);
  let html = readFileSync(outFile, 'utf8');
  for (const [from, to] of REPLACEMENTS) html = html.split(from).join(to);
  const external = findExternalResources(html);
  if (external.length > 0) {
    throw new Error(
      `The reference page would load from other hosts (a new Redoc version?):\n${external.join('\n')}`,
    );
  }
  writeFileSync(outFile, html);
  return outFile;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = buildReference();
  console.log(`built the API reference at ${file}`);
}
