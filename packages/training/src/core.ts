/**
 * The engine without the bundled scenario data or the schema validator: for a UI that loads
 * the engine first and fetches scenarios later (`import('@bosv2/training')` or a scenario file).
 *
 * @packageDocumentation
 */
export * from './engine.js';
export { getPath, sameValue, setPath } from './paths.js';
export { type ScenarioProgress, summarizeProgress } from './progress.js';
export { mistakeActions, perfectActions, play } from './simulate.js';
export {
  analysePadding,
  mentions,
  missingFacts,
  normalize,
  PADDING_REASONS,
  type PaddingReason,
} from './text.js';
export * from './types.js';
export * from './xapi.js';
