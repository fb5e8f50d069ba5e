import { getResponse } from 'msw';
import type { MockEngine } from './engine/engine.js';
import { createHandlers, type HandlersOptions } from './msw.js';

export interface MockFetchOptions extends HandlersOptions {
  /** The origin relative URLs resolve against. Default: the page's origin, else http://127.0.0.1. */
  baseUrl?: string;
}

export type MockFetch = typeof fetch & { engine: MockEngine };

/**
 * A `fetch` that answers from the mock's handlers in the page, without a service worker (msw's
 * `getResponse`). Pass it to the SDK's `fetch` option. Nothing ever leaves the page: a request
 * the mock does not know fails like a network error.
 *
 * @example
 * const mockFetch = createMockFetch({ spec, seed: 1, faults: 'latency=normal(300,80)' });
 * const res = await mockFetch('/api/v2/health');
 */
export function createMockFetch(options: MockFetchOptions = {}): MockFetch {
  const handlers = createHandlers(options);
  const base =
    options.baseUrl ?? (typeof location !== 'undefined' ? location.origin : 'http://127.0.0.1');
  const mockFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request =
      input instanceof Request && init === undefined
        ? input
        : new Request(
            typeof input === 'string' && input.startsWith('/') ? new URL(input, base) : input,
            init,
          );
    const response = await getResponse(handlers, request);
    if (!response)
      throw new TypeError(
        `Failed to fetch: the mock has no route for ${request.method} ${request.url}`,
      );
    if (response.type === 'error') throw new TypeError('Failed to fetch (simulated network error)');
    return response;
  }) as MockFetch;
  mockFetch.engine = handlers.engine;
  return mockFetch;
}
