import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockEngine } from '../create.js';
import type { JournalEntry, MockEngine, MockOptions } from '../engine/engine.js';
import { problemResponse } from '../engine/problem.js';
import type { EngineResult, MockRequest } from '../engine/types.js';
import { loadContractSpec } from './load-spec.js';

export interface MockListenerOptions extends Partial<MockOptions> {
  /** Share an engine with other adapters. */
  engine?: MockEngine;
  /** Send CORS headers and answer preflights. Default true. */
  cors?: boolean;
  /** Called after every request (the CLI prints it). */
  onRequest?: (entry: { method: string; url: string; status: number; ms: number }) => void;
}

export type MockRequestListener = ((
  req: IncomingMessage,
  res: ServerResponse,
  next?: () => void,
) => void) & { engine: MockEngine };

const CORS_HEADERS = {
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers':
    'authorization, content-type, idempotency-key, if-match, accept-language, x-mock-fault, prefer',
  'access-control-expose-headers':
    'etag, location, idempotent-replayed, retry-after, allow, preference-applied',
  'access-control-max-age': '600',
};

const READ_LIMIT = 13 * 1024 * 1024;

const NO_BODY = { body: null, tooLarge: false } as const;

/** A request that declares no body (no Content-Length above 0, no Transfer-Encoding). */
function hasNoBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return (length === undefined || length === '0') && req.headers['transfer-encoding'] === undefined;
}

function readBody(req: IncomingMessage): Promise<{ body: Uint8Array | null; tooLarge: boolean }> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > READ_LIMIT) {
      resolve({ body: null, tooLarge: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (value: { body: Uint8Array | null; tooLarge: boolean }) => {
      if (done) return;
      done = true;
      resolve(value);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > READ_LIMIT) {
        req.removeAllListeners('data');
        req.pause();
        finish({ body: null, tooLarge: true });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => finish({ body: size ? Buffer.concat(chunks) : null, tooLarge: false }));
    req.on('error', () => finish({ body: null, tooLarge: false }));
    req.on('aborted', () => finish({ body: null, tooLarge: false }));
  });
}

function writeResult(
  req: IncomingMessage,
  res: ServerResponse,
  result: EngineResult,
  extraHeaders: Record<string, string>,
  closeAfter: boolean,
): void {
  if (result.network) {
    // offline or drop-after-write: cut the connection without an answer.
    req.socket.destroy();
    return;
  }
  const { status, headers } = result.response;
  const body = result.response.body;
  const plain = !result.truncate && !result.slowBody;
  // The common case: a whole string body written with its headers in one call, no Buffer copy.
  if (plain && typeof body === 'string' && status !== 204) {
    for (const k in headers) extraHeaders[k] = headers[k] as string;
    const out: Record<string, string | number> = extraHeaders;
    if (closeAfter) out.connection = 'close';
    out['content-length'] = Buffer.byteLength(body);
    res.writeHead(status, out);
    if (req.method === 'HEAD') res.end();
    else res.end(body);
    return;
  }
  const bytes =
    body === null
      ? null
      : typeof body === 'string'
        ? Buffer.from(body)
        : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const out: Record<string, string | number> = { ...extraHeaders, ...headers };
  if (closeAfter) out.connection = 'close';
  if (bytes && status !== 204) out['content-length'] = bytes.length;
  res.writeHead(status, out);
  if (!bytes || req.method === 'HEAD' || status === 204) {
    res.end();
    return;
  }
  if (!result.truncate && !result.slowBody) {
    res.end(bytes);
    return;
  }
  const end = result.truncate ? Math.floor(bytes.length / 2) : bytes.length;
  const chunk = result.slowBody?.chunkBytes ?? end;
  const interval = result.slowBody?.intervalMs ?? 0;
  let offset = 0;
  const step = () => {
    if (res.destroyed) return;
    if (offset >= end) {
      if (result.truncate) req.socket.destroy();
      else res.end();
      return;
    }
    res.write(bytes.subarray(offset, Math.min(end, offset + chunk)));
    offset += chunk;
    if (interval) setTimeout(step, interval);
    else setImmediate(step);
  };
  step();
}

/** One request through the engine (a function of the module: no closures per request). */
async function serve(
  engine: MockEngine,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  search: string,
  url: string,
  extra: Record<string, string>,
  started: number,
  onRequest: MockListenerOptions['onRequest'],
): Promise<void> {
  let read: { body: Uint8Array | null; tooLarge: boolean };
  if (hasNoBody(req)) {
    // Nothing to wait for: drain the (empty) stream without a promise and listeners.
    req.resume();
    read = NO_BODY;
  } else read = await readBody(req);
  const { body, tooLarge } = read;
  // Node joins repeated request headers into one string, except Set-Cookie (an array):
  // without one, its object serves as it is.
  const raw = req.headers;
  let headers = raw as Record<string, string>;
  if (raw['set-cookie'] !== undefined) {
    headers = {};
    for (const k in raw) {
      const v = raw[k];
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    }
  }
  const mockReq: MockRequest = {
    method: req.method ?? 'GET',
    pathname,
    query: new URLSearchParams(search),
    headers,
    body,
    bodyTooLarge: tooLarge,
  };
  let result: EngineResult;
  try {
    result = await engine.handle(mockReq);
  } catch (error) {
    result = {
      response: problemResponse(
        engine.problem('server-error', 'id', {
          detail: String((error as Error)?.message ?? error).slice(0, 200),
        }),
      ),
    };
  }
  writeResult(req, res, result, extra, tooLarge);
  onRequest?.({
    method: mockReq.method,
    url,
    status: result.network ? 0 : result.response.status,
    ms: Math.round((performance.now() - started) * 10) / 10,
  });
}

/**
 * A Node `(req, res, next?)` listener serving the mock under `<basePath>` (default `/api/v2`)
 * and its admin API under `/__mock/`. Other paths go to `next()` when given, else 404.
 *
 * @example
 * import { createServer } from 'node:http';
 * const listener = createMockRequestListener({ seed: 1 });
 * createServer((req, res) => listener(req, res, () => serveStatic(req, res))).listen(4010, '127.0.0.1');
 */
export function createMockRequestListener(options: MockListenerOptions = {}): MockRequestListener {
  const engine =
    options.engine ?? createMockEngine({ ...options, spec: options.spec ?? loadContractSpec() });
  const base = engine.basePath;
  const cors = options.cors !== false;
  const listener = (req: IncomingMessage, res: ServerResponse, next?: () => void) => {
    const started = options.onRequest ? performance.now() : 0;
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    let pathname = q >= 0 ? url.slice(0, q) : url;
    const search = q >= 0 ? url.slice(q + 1) : '';
    if (pathname === '/__mock' || pathname.startsWith('/__mock/')) pathname = `${base}${pathname}`;
    if (pathname !== base && !pathname.startsWith(`${base}/`)) {
      if (next) {
        next();
        return;
      }
    }
    // A fresh object per request: writeResult adds the response's headers to it.
    const extra: Record<string, string> = {};
    if (cors) {
      extra['access-control-allow-origin'] = req.headers.origin ?? '*';
      extra['access-control-expose-headers'] = CORS_HEADERS['access-control-expose-headers'];
      extra.vary = 'Origin';
      if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
        // What a browser reads only from a preflight: sent with it alone (fewer headers to
        // validate and write on every other answer).
        extra['access-control-allow-methods'] = CORS_HEADERS['access-control-allow-methods'];
        extra['access-control-allow-headers'] = CORS_HEADERS['access-control-allow-headers'];
        extra['access-control-max-age'] = CORS_HEADERS['access-control-max-age'];
        res.writeHead(204, extra);
        res.end();
        return;
      }
    }
    serve(engine, req, res, pathname, search, url, extra, started, options.onRequest).catch(() => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify(engine.problem('server-error', 'id')));
      } else res.destroy();
    });
  };
  const out = listener as MockRequestListener;
  out.engine = engine;
  return out;
}

export interface MockServerOptions extends MockListenerOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (a free port). */
  port?: number;
}

export interface RunningMockServer {
  /** e.g. `http://127.0.0.1:4010/api/v2` */
  url: string;
  origin: string;
  host: string;
  port: number;
  server: Server;
  engine: MockEngine;
  close(): Promise<void>;
}

/**
 * Starts the mock on bare node:http.
 *
 * @example
 * const mock = await startMockServer({ port: 0, seed: 1 });
 * await fetch(`${mock.url}/health`);
 * await mock.close();
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<RunningMockServer> {
  const listener = createMockRequestListener(options);
  const server = createServer(listener);
  server.keepAliveTimeout = 10_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: `${origin}${listener.engine.basePath}`,
    origin,
    host,
    port,
    server,
    engine: listener.engine,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type { JournalEntry };
