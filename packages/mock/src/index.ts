/**
 * @bosv2/mock: a stateful, validating, fault-injecting mock of the BOS V2 contract.
 * This entry is browser-safe (no Node built-ins); `@bosv2/mock/node` adds the HTTP server.
 */
export { createMockEngine } from './create.js';
export { desaInfo, REGIONS } from './data/regions.js';
export type { Handler, HandlerContext, HandlerMap, HandlerResult, Page } from './engine/context.js';
export type { JournalEntry, MockOptions, Violation } from './engine/engine.js';
export { MockEngine } from './engine/engine.js';
export type { Fault } from './engine/faults.js';
export { FaultSyntaxError, parseFaults } from './engine/faults.js';
export type { FieldError, Problem } from './engine/problem.js';
export { ProblemError, problem } from './engine/problem.js';
export type { EngineResult, MockRequest, MockResponse, OpenApiDocument } from './engine/types.js';
export type { MockFetch, MockFetchOptions } from './fetch.js';
export { createMockFetch } from './fetch.js';
export type { HandlersOptions } from './msw.js';
export { createHandlers, fromWebRequest, toWebResponse } from './msw.js';
export { DEMO_ACCOUNTS, DEMO_DESA, DEMO_PASSWORD, UNIT_IDS } from './store/seed.js';
export type { StoreState } from './store/types.js';
