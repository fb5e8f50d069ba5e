/**
 * Node-only helpers: read scenario files from a folder (for trainers' own scenarios, a classroom
 * server, or tools). Browsers use the bundled `scenarios` from the main entry instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Scenario } from './types.js';
import { assertScenario } from './validate.js';

/** The folder of the scenario files shipped with this package. */
export const scenariosDir: string = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'scenarios',
);

/** Reads and validates one scenario file (`.yaml`, `.yml` or `.json`). */
export function loadScenarioFile(path: string): Scenario {
  const text = readFileSync(path, 'utf8');
  const data: unknown = path.endsWith('.json') ? JSON.parse(text) : parse(text);
  if (data && typeof data === 'object') delete (data as { $schema?: unknown }).$schema;
  return assertScenario(data, path);
}

/**
 * Reads every scenario file under a folder (one level of workflow folders, as in this
 * package's `scenarios/`), validated; throws on the first invalid file.
 *
 * @example
 * ```ts
 * import { loadScenarioDir } from '@bosv2/training/node';
 * const mine = loadScenarioDir('./my-scenarios');
 * ```
 */
export function loadScenarioDir(dir: string = scenariosDir): Scenario[] {
  const result: Scenario[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const file of readdirSync(join(dir, entry.name)).sort()) {
      if (/\.(ya?ml|json)$/.test(file)) result.push(loadScenarioFile(join(dir, entry.name, file)));
    }
  }
  return result;
}
