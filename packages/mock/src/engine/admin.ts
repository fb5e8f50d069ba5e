import type { StoreState } from '../store/types.js';
import type { MockEngine } from './engine.js';
import { FaultSyntaxError } from './faults.js';
import type { MockRequest, MockResponse } from './types.js';

const json = (status: number, body: unknown): MockResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const adminError = (status: number, code: string, detail: string): MockResponse => ({
  status,
  headers: { 'content-type': 'application/problem+json' },
  body: JSON.stringify({ type: `urn:bosv2:problem:${code}`, title: detail, status, code, detail }),
});

function readJson(req: MockRequest): unknown {
  if (!req.body || req.body.byteLength === 0) return {};
  return JSON.parse(new TextDecoder().decode(req.body));
}

/**
 * The admin API under `<base>/__mock/` (not part of the contract; for tests, trainers and QA):
 *
 * - `GET  /__mock/faults`          the server-wide fault rules
 * - `POST /__mock/faults`          `{ "faults": "latency=300; 5xx@0.1", "pathPrefix"?: "/activities", "methods"?: ["POST"] }`
 *                                  or `{ "rules": [ ...those... ] }`; replaces the rules
 * - `DELETE /__mock/faults`        no faults
 * - `POST /__mock/reset`           back to the seeded state; `{ "seed"?: 42 }`
 * - `GET  /__mock/requests?limit=` the request journal (bounded, newest last)
 * - `GET  /__mock/state`           the whole state as JSON (save it)
 * - `PUT  /__mock/state`           replace the state with a saved one
 * - `GET  /__mock/violations`      responses that broke the contract (with response validation on)
 * - `GET  /__mock/info`            seed, operations, which have domain handlers
 */
export async function handleAdmin(
  engine: MockEngine,
  method: string,
  path: string,
  req: MockRequest,
): Promise<MockResponse> {
  const route = `${method} ${path.replace(/\/$/, '')}`;
  try {
    switch (route) {
      case 'GET /__mock/faults':
        return json(200, {
          rules: engine.faults.rules.map((r) => ({
            faults: r.text,
            pathPrefix: r.pathPrefix,
            methods: r.methods,
          })),
        });
      case 'POST /__mock/faults':
      case 'PUT /__mock/faults': {
        const body = readJson(req) as {
          faults?: string;
          pathPrefix?: string;
          methods?: string[];
          rules?: { faults: string; pathPrefix?: string; methods?: string[] }[];
        };
        const rules =
          body.rules ??
          (body.faults !== undefined
            ? [{ faults: body.faults, pathPrefix: body.pathPrefix, methods: body.methods }]
            : []);
        engine.setFaults(
          rules.map((r) => ({
            text: String(r.faults ?? ''),
            ...(r.pathPrefix ? { pathPrefix: r.pathPrefix } : {}),
            ...(r.methods ? { methods: r.methods } : {}),
          })),
        );
        return json(200, {
          rules: engine.faults.rules.map((r) => ({
            faults: r.text,
            pathPrefix: r.pathPrefix,
            methods: r.methods,
          })),
        });
      }
      case 'DELETE /__mock/faults':
        engine.setFaults([]);
        return { status: 204, headers: {}, body: null };
      case 'POST /__mock/reset': {
        const body = readJson(req) as { seed?: number };
        if (body.seed !== undefined && !Number.isInteger(body.seed))
          return adminError(400, 'validation-failed', 'seed must be an integer');
        engine.reset(body.seed);
        return json(200, { seed: engine.seed });
      }
      case 'GET /__mock/requests': {
        const limit = Math.min(1000, Math.max(1, Number(req.query.get('limit') ?? 100) || 100));
        return json(200, { items: engine.requests(limit) });
      }
      case 'GET /__mock/state':
        return json(200, engine.snapshot());
      case 'PUT /__mock/state':
      case 'POST /__mock/state':
        engine.restore(readJson(req) as StoreState);
        return json(200, { seed: engine.seed });
      case 'GET /__mock/violations':
        return json(200, { items: engine.violations });
      case 'GET /__mock/info': {
        // With node --expose-gc, `?gc=1` collects garbage first (the benchmark's heap check).
        const g = globalThis as {
          gc?: () => void;
          process?: { memoryUsage?: () => { heapUsed: number; rss: number } };
        };
        if (req.query.get('gc') === '1') g.gc?.();
        const memory = g.process?.memoryUsage?.();
        return json(200, {
          ...(memory ? { heapUsed: memory.heapUsed, rss: memory.rss } : {}),
          seed: engine.seed,
          basePath: engine.basePath,
          operations: engine.ops.length,
          handled: engine.handledOperations(),
          generic: engine.ops
            .map((o) => o.operationId)
            .filter((id) => !engine.handledOperations().includes(id)),
        });
      }
      default:
        return adminError(404, 'not-found', `No admin endpoint ${route}`);
    }
  } catch (error) {
    if (error instanceof FaultSyntaxError || error instanceof SyntaxError)
      return adminError(400, 'validation-failed', error.message);
    return adminError(400, 'validation-failed', String((error as Error).message ?? error));
  }
}
