/**
 * The scenarios and workflows alone: no engine, no JSON Schema validator (Ajv). For a UI that
 * loads the engine from `@bosv2/training/core` and the material from here.
 *
 * @packageDocumentation
 */
import { scenarios } from './scenarios.gen.js';
import type { Scenario } from './types.js';

export { scenarios, workflows } from './scenarios.gen.js';

/** The scenario with this id. */
export function getScenario(id: string): Scenario {
  const found = scenarios.find((s) => s.id === id);
  if (!found) throw new Error(`No training scenario "${id}".`);
  return found;
}
