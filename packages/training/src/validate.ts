/**
 * Checks a scenario: against `scenario.schema.json` (shape), then the cross-references a schema
 * cannot express (steps, rubric items and facts that mistakes and incidents name).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import schema from '../scenario.schema.json';
import { checkReferences } from './references.js';
import type { Scenario } from './types.js';

export { checkReferences };

// ajv-formats is CommonJS; under ESM interop its function may sit on `.default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => void;

let compiled: ReturnType<Ajv2020['compile']> | undefined;

function schemaValidator(): ReturnType<Ajv2020['compile']> {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    compiled = ajv.compile(schema);
  }
  return compiled;
}

/** The JSON Schema of a scenario file. */
export const scenarioSchema: Record<string, unknown> = schema;

/**
 * Validates unknown data as a scenario: the schema first, then the cross-references. Returns
 * the problems as readable lines (empty when valid).
 *
 * @example
 * ```ts
 * const problems = validateScenario(parse(readFileSync('my-scenario.yaml', 'utf8')));
 * if (problems.length) console.error(problems.join('\n'));
 * ```
 */
export function validateScenario(data: unknown): string[] {
  const validate = schemaValidator();
  if (!validate(data)) {
    return (validate.errors ?? []).map(
      (e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`,
    );
  }
  return checkReferences(data as Scenario);
}

/** Like {@link validateScenario}, but returns the typed scenario or throws with every problem. */
export function assertScenario(data: unknown, where = 'scenario'): Scenario {
  const problems = validateScenario(data);
  if (problems.length > 0)
    throw new Error(`${where} is not a valid scenario:\n  ${problems.join('\n  ')}`);
  return data as Scenario;
}
