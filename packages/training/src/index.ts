/**
 * @bosv2/training: training scenarios for every BOS V2 reporting workflow, and the engine that
 * guides, scores and records them. Pure TypeScript, no UI.
 *
 * @packageDocumentation
 */
export { type BodyValidator, createContractValidator } from './contract.js';
export { getScenario, scenarios, workflows } from './data.js';
export {
  type Action,
  computeScore,
  createSession,
  type Finding,
  gradeEntry,
  type ItemScore,
  initialState,
  initialValues,
  type OutboundRequest,
  type Outcome,
  type Reply,
  reduce,
  resumeSession,
  type ScoreReport,
  type ServerReply,
  type Session,
  type SessionOptions,
  type SessionState,
  type StepView,
} from './engine.js';
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
export { assertScenario, checkReferences, scenarioSchema, validateScenario } from './validate.js';
export {
  buildStatement,
  isoDuration,
  scenarioIri,
  VERBS,
  XAPI_BASE,
  type XapiActor,
  type XapiResult,
  type XapiStatement,
  type XapiVerb,
} from './xapi.js';
