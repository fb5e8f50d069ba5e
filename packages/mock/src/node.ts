/**
 * @bosv2/mock/node: everything of `@bosv2/mock`, with the contract loaded for you, plus the
 * HTTP server (bare node:http).
 */

import type { RequestHandler } from 'msw';
import { createMockEngine as createEngine } from './create.js';
import type { MockEngine, MockOptions } from './engine/engine.js';
import { createMockFetch as createFetch, type MockFetch, type MockFetchOptions } from './fetch.js';
import { createHandlers as createMswHandlers, type HandlersOptions } from './msw.js';
import { loadContractSpec } from './node/load-spec.js';

export * from './index.js';
export { contractSpecPath, loadContractSpec } from './node/load-spec.js';
export type {
  MockListenerOptions,
  MockRequestListener,
  MockServerOptions,
  RunningMockServer,
} from './node/server.js';
export { createMockRequestListener, startMockServer } from './node/server.js';

/** As in `@bosv2/mock`, with `spec` defaulting to the installed contract. */
export function createMockEngine(options: Partial<MockOptions> = {}): MockEngine {
  return createEngine({ ...options, spec: options.spec ?? loadContractSpec() });
}

/** msw handlers for `setupServer`, with the contract loaded for you. */
export function createHandlers(
  options: HandlersOptions = {},
): RequestHandler[] & { engine: MockEngine } {
  return createMswHandlers({ ...options, spec: options.spec ?? loadContractSpec() });
}

/** A mock `fetch`, with the contract loaded for you. */
export function createMockFetch(options: MockFetchOptions = {}): MockFetch {
  return createFetch({ ...options, spec: options.spec ?? loadContractSpec() });
}
