import { HttpResponse, http, type RequestHandler } from 'msw';
import { createMockEngine } from './create.js';
import type { MockEngine, MockOptions } from './engine/engine.js';
import type { EngineResult, MockRequest } from './engine/types.js';

export interface HandlersOptions extends Partial<MockOptions> {
  /** Share an engine (and its state) between several adapters. */
  engine?: MockEngine;
  /** Only requests to this origin (default: any origin). */
  origin?: string;
}

/** Turns a Web `Request` into the engine's request. */
export async function fromWebRequest(request: Request): Promise<MockRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    headers[key] = value;
  });
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;
  const body = hasBody ? new Uint8Array(await request.arrayBuffer()) : null;
  return { method: request.method, pathname: url.pathname, query: url.searchParams, headers, body };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Turns the engine's answer into a Web `Response` (a network error for `offline`/`drop`). */
export function toWebResponse(result: EngineResult): Response {
  if (result.network) return HttpResponse.error();
  const { status, headers } = result.response;
  let body = result.response.body;
  if (body === null || status === 204) return new HttpResponse(null, { status, headers });
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  if (result.truncate || result.slowBody) {
    const chunkBytes = result.slowBody?.chunkBytes ?? bytes.byteLength;
    const interval = result.slowBody?.intervalMs ?? 0;
    const end = result.truncate ? Math.floor(bytes.byteLength / 2) : bytes.byteLength;
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (offset >= end) {
          if (result.truncate)
            controller.error(new TypeError('Connection closed (simulated truncation)'));
          else controller.close();
          return;
        }
        if (offset > 0 && interval) await sleep(interval);
        controller.enqueue(bytes.subarray(offset, Math.min(end, offset + chunkBytes)));
        offset += chunkBytes;
      },
    });
    const h = { ...headers };
    delete h['content-length'];
    return new HttpResponse(stream, { status, headers: h });
  }
  body = bytes;
  return new HttpResponse(body as BodyInit, { status, headers });
}

/**
 * msw request handlers for the whole contract, for `setupServer` (msw/node), `setupWorker`
 * and Storybook's msw addon. The handlers share one stateful engine.
 *
 * @example
 * import { setupServer } from 'msw/node';
 * import spec from '@bosv2/contract/openapi.json';
 * const server = setupServer(...createHandlers({ spec, seed: 1 }));
 */
export function createHandlers(
  options: HandlersOptions = {},
): RequestHandler[] & { engine: MockEngine } {
  const engine = options.engine ?? createMockEngine(requireSpec(options));
  const base = engine.basePath;
  const pattern = `${options.origin ?? '*'}${base}/*`;
  const handle = async ({ request }: { request: Request }) =>
    toWebResponse(await engine.handle(await fromWebRequest(request)));
  const handlers = [
    http.all(pattern, handle),
    http.all(`${options.origin ?? '*'}${base}`, handle),
  ] as unknown as RequestHandler[] & { engine: MockEngine };
  handlers.engine = engine;
  return handlers;
}

export function requireSpec(options: Partial<MockOptions>): MockOptions {
  if (!options.spec) {
    throw new TypeError(
      'The mock needs the contract: pass { spec } (import spec from "@bosv2/contract/openapi.json"), or use @bosv2/mock/node, which loads it for you.',
    );
  }
  return options as MockOptions;
}
