#!/usr/bin/env node
// The kit's main job for now: one HTTP server on 127.0.0.1 with
//   /, /reference/           the API reference page (packages/contract/dist/reference)
//   /openapi.json, .yaml     the bundled contract
//   /api/v2/...              the mock API when @bosv2/mock is built, else health + 503
// Node built-ins only. Usage: node scripts/serve.mjs [--host 127.0.0.1] [--port 4010] [--no-mock]
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = new URL('../', import.meta.url);
const DEFAULT_CONTRACT_DIST = fileURLToPath(new URL('packages/contract/dist/', root));
const DEFAULT_MOCK_MODULE = fileURLToPath(new URL('packages/mock/dist/index.js', root));
export const API_PREFIX = '/api/v2';

const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};
/** Data responses (JSON, YAML, errors) may load nothing at all. */
const DATA_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The CSP of an HTML page: everything from this origin only; the page's inline scripts are
 * allowed by their hashes. Inline styles are allowed (Redoc styles with styled-components).
 * @param {string} html
 */
export function pageCsp(html) {
  const hashes = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(match[1] ?? '')) continue;
    hashes.push(
      `'sha256-${createHash('sha256')
        .update(match[2] ?? '', 'utf8')
        .digest('base64')}'`,
    );
  }
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const MESSAGES = {
  notImplemented: {
    id: [
      'Layanan tidak tersedia',
      'Bagian API ini belum dijalankan server ini. Bangun @bosv2/mock untuk mock lengkap.',
    ],
    en: [
      'Service unavailable',
      'This server does not run this part of the API yet. Build @bosv2/mock for the full mock.',
    ],
  },
  notFound: {
    id: ['Tidak ditemukan', 'Tidak ada apa-apa di alamat ini.'],
    en: ['Not found', 'There is nothing at this address.'],
  },
  methodNotAllowed: {
    id: ['Metode tidak diizinkan', 'Alamat ini hanya menerima GET dan HEAD.'],
    en: ['Method not allowed', 'This address takes GET and HEAD only.'],
  },
  notBuilt: {
    id: [
      'Layanan tidak tersedia',
      'Kontrak belum dibangun: jalankan `pnpm -F @bosv2/contract build`.',
    ],
    en: ['Service unavailable', 'The contract is not built: run `pnpm -F @bosv2/contract build`.'],
  },
  serverError: {
    id: ['Kesalahan server', 'Server gagal menjawab permintaan ini.'],
    en: ['Server error', 'The server failed to answer this request.'],
  },
};

/** `en` when the client prefers English, else Bahasa Indonesia (the default). */
function language(req) {
  const header = String(req.headers['accept-language'] ?? '');
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((l) => l.tag && l.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (tag === 'id' || tag.startsWith('id-')) return 'id';
  }
  return 'id';
}

function send(res, status, headers, body, { head = false } = {}) {
  res.writeHead(status, { ...BASE_HEADERS, 'Content-Security-Policy': DATA_CSP, ...headers });
  res.end(head ? undefined : body);
}

/** Answers with an RFC 9457 problem, in the client's language. */
function sendProblem(req, res, status, code, messageKey, extraHeaders = {}) {
  const lang = language(req);
  const [title, detail] = MESSAGES[messageKey][lang];
  const body = JSON.stringify({
    type: `urn:bosv2:problem:${code}`,
    title,
    status,
    detail,
    instance: req.url,
    code,
  });
  send(
    req.method === 'HEAD' ? res : res,
    status,
    {
      'Content-Type': 'application/problem+json',
      'Content-Language': lang,
      'Cache-Control': 'no-store',
      ...extraHeaders,
    },
    body,
    { head: req.method === 'HEAD' },
  );
}

/** Reads a file once per change (by mtime and size). */
function fileCache() {
  const entries = new Map();
  return (path) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return undefined;
    }
    const key = `${stat.mtimeMs}:${stat.size}`;
    const hit = entries.get(path);
    if (hit && hit.key === key) return hit;
    const body = readFileSync(path);
    const entry = {
      key,
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      csp: undefined,
    };
    entries.set(path, entry);
    return entry;
  };
}

/**
 * Loads the mock's request listener from `modulePath` if it is there and exports
 * `createMockRequestListener`; otherwise returns undefined (and why).
 * @param {string} modulePath
 */
export async function loadMockListener(modulePath) {
  try {
    statSync(modulePath);
  } catch {
    return { listener: undefined, reason: `${modulePath} is not built` };
  }
  try {
    const mod = await import(pathToFileURL(modulePath).href);
    if (typeof mod.createMockRequestListener !== 'function') {
      return { listener: undefined, reason: 'it does not export createMockRequestListener' };
    }
    const listener = await mod.createMockRequestListener({ basePath: API_PREFIX });
    if (typeof listener !== 'function') {
      return { listener: undefined, reason: 'createMockRequestListener did not return a function' };
    }
    return { listener, reason: undefined };
  } catch (error) {
    return { listener: undefined, reason: `it failed to load: ${error?.message ?? error}` };
  }
}

/**
 * Starts the server. Resolves once it listens.
 * @param {object} [options]
 * @param {string} [options.host] default 127.0.0.1
 * @param {number} [options.port] default 4010; 0 picks a free port
 * @param {string} [options.contractDist] directory with openapi.json, openapi.yaml, reference/
 * @param {string | false} [options.mockModule] the mock's built entry; false: no mock
 * @returns {Promise<{ server: import('node:http').Server, url: string, api: 'mock' | 'fallback', mockReason?: string, close: () => Promise<void> }>}
 */
export async function startServer(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 4010;
  const dist = options.contractDist ?? DEFAULT_CONTRACT_DIST;
  const mockModule = options.mockModule ?? DEFAULT_MOCK_MODULE;
  const read = fileCache();
  const files = {
    page: `${dist}/reference/index.html`,
    json: `${dist}/openapi.json`,
    yaml: `${dist}/openapi.yaml`,
  };

  const { listener: mock, reason: mockReason } =
    mockModule === false
      ? { listener: undefined, reason: 'the mock is turned off' }
      : await loadMockListener(mockModule);

  const version = () => {
    const spec = read(files.json);
    try {
      return spec ? String(JSON.parse(spec.body.toString('utf8')).info.version) : 'unknown';
    } catch {
      return 'unknown';
    }
  };

  /** Serves a built file with an ETag; 503 when the contract is not built. */
  const serveFile = (req, res, path, type) => {
    const entry = read(path);
    if (!entry) return sendProblem(req, res, 503, 'service-unavailable', 'notBuilt');
    let csp = DATA_CSP;
    if (type.startsWith('text/html')) {
      entry.csp ??= pageCsp(entry.body.toString('utf8'));
      csp = entry.csp;
    }
    const headers = {
      'Content-Type': type,
      'Content-Security-Policy': csp,
      'Cache-Control': 'no-cache',
      ETag: entry.etag,
    };
    if (req.headers['if-none-match'] === entry.etag) return send(res, 304, headers, undefined);
    send(res, 200, { ...headers, 'Content-Length': entry.body.length }, entry.body, {
      head: req.method === 'HEAD',
    });
  };

  const fallbackApi = (req, res, path) => {
    if (path === `${API_PREFIX}/health` || path === `${API_PREFIX}/health/`) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return sendProblem(req, res, 405, 'method-not-allowed', 'methodNotAllowed', {
          Allow: 'GET, HEAD',
        });
      }
      const body = JSON.stringify({
        status: 'ok',
        version: version(),
        time: new Date().toISOString(),
      });
      return send(
        res,
        200,
        { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
        body,
        {
          head: req.method === 'HEAD',
        },
      );
    }
    sendProblem(req, res, 503, 'service-unavailable', 'notImplemented');
  };

  const server = createServer(async (req, res) => {
    let path;
    try {
      path = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      path = '/';
    }
    try {
      if (path === API_PREFIX || path.startsWith(`${API_PREFIX}/`)) {
        for (const [name, value] of Object.entries(BASE_HEADERS)) res.setHeader(name, value);
        res.setHeader('Content-Security-Policy', DATA_CSP);
        if (mock) return await mock(req, res);
        return fallbackApi(req, res, path);
      }
      const route = {
        '/': [files.page, 'text/html; charset=utf-8'],
        '/reference/': [files.page, 'text/html; charset=utf-8'],
        '/reference/index.html': [files.page, 'text/html; charset=utf-8'],
        '/openapi.json': [files.json, 'application/json; charset=utf-8'],
        '/openapi.yaml': [files.yaml, 'application/yaml; charset=utf-8'],
      }[path];
      if (path === '/reference') {
        return send(res, 308, { Location: '/reference/' }, undefined);
      }
      if (!route) {
        // The reference page routes on the client (`/activities`, `/auth/...`): a browser that
        // asks for such a page, or reloads one, gets the page; anything else is a 404.
        const wantsPage =
          (req.method === 'GET' || req.method === 'HEAD') &&
          /\btext\/html\b/.test(String(req.headers.accept ?? '')) &&
          !/\.[a-z0-9]+$/i.test(path);
        if (wantsPage) return serveFile(req, res, files.page, 'text/html; charset=utf-8');
        return sendProblem(req, res, 404, 'not-found', 'notFound');
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return sendProblem(req, res, 405, 'method-not-allowed', 'methodNotAllowed', {
          Allow: 'GET, HEAD',
        });
      }
      serveFile(req, res, route[0], route[1]);
    } catch (error) {
      console.error(error);
      if (!res.headersSent) sendProblem(req, res, 500, 'server-error', 'serverError');
      else res.destroy();
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = server.address();
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${typeof address === 'object' && address ? address.port : port}`;
  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve(undefined));
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 2000).unref();
    });
  return {
    server,
    url,
    api: mock ? 'mock' : 'fallback',
    ...(mockReason ? { mockReason } : {}),
    close,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'no-mock': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(
      'Usage: node scripts/serve.mjs [--host 127.0.0.1] [--port 4010] [--no-mock]\n(env HOST and PORT work too)',
    );
    return;
  }
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: HOST is a documented setting of the server
  const host = values.host ?? process.env.HOST ?? '127.0.0.1';
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: PORT is a documented setting of the server
  const rawPort = values.port ?? process.env.PORT ?? '4010';
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Port tidak valid / invalid port: ${rawPort}`);
    process.exit(2);
  }
  let running;
  try {
    running = await startServer({
      host,
      port,
      ...(values['no-mock'] ? { mockModule: false } : {}),
    });
  } catch (error) {
    const hint = error?.code === 'EADDRINUSE' ? ` (port ${port} is in use; try --port)` : '';
    console.error(`Server gagal dimulai / could not start: ${error?.message ?? error}${hint}`);
    process.exit(1);
  }
  const { url, api, mockReason, close } = running;
  console.log(`BOS V2 Kit is running at ${url}/`);
  console.log(`  API reference  ${url}/reference/`);
  console.log(`  contract       ${url}/openapi.json  ${url}/openapi.yaml`);
  console.log(
    api === 'mock'
      ? `  API (mock)     ${url}${API_PREFIX}`
      : `  API            ${url}${API_PREFIX}/health only (no mock: ${mockReason})`,
  );
  console.log('Press Ctrl+C to stop.');
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping...`);
    close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
