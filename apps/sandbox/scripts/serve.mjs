#!/usr/bin/env node
// A tiny static server for the built sandbox (dist/), Node built-ins only. It sends the same
// Content-Security-Policy as the page's <meta> tag (read from dist/index.html, so there is one
// source: src/csp.ts), plus what only a header can say. The sandbox needs nothing else: the
// simulated BOS V2 server runs inside the page.
// Usage: node scripts/serve.mjs [--host 127.0.0.1] [--port 4173]
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The policy in the built page's <meta http-equiv="Content-Security-Policy">. */
export function cspOf(html) {
  const match = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i);
  if (!match?.[1]) throw new Error('dist/index.html has no Content-Security-Policy meta tag');
  return match[1].replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

const compressed = new Map();
/** `body` gzip-compressed, once per file and modification time. */
function gzipped(file, body) {
  const key = `${file}:${statSync(file).mtimeMs}`;
  let out = compressed.get(key);
  if (!out) {
    out = gzipSync(body, { level: 9 });
    compressed.set(key, out);
  }
  return out;
}

/**
 * Serves `root` on `host:port` (0: a free port). Resolves once it listens.
 * @param {{ root?: string, host?: string, port?: number, log?: boolean }} [options]
 */
export async function startStaticServer(options = {}) {
  const root = options.root ?? DIST;
  const host = options.host ?? '127.0.0.1';
  const csp = `${cspOf(readFileSync(join(root, 'index.html'), 'utf8'))}; frame-ancestors 'none'`;
  const headers = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(self), geolocation=(self), microphone=()',
  };
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      path = '/';
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' });
      return res.end();
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    let body;
    try {
      if (!file.startsWith(root.endsWith(sep) ? root : root + sep) || !statSync(file).isFile())
        throw 0;
      body = readFileSync(file);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end(req.method === 'HEAD' ? undefined : 'Tidak ditemukan / Not found\n');
    }
    // Hashed assets never change; the page and the worker must be checked every time.
    const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // Text is sent gzip-compressed when the browser accepts it (a phone on 3G pays for bytes).
    const gzip =
      /text|json|javascript|svg/.test(type) &&
      /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    if (gzip) body = gzipped(file, body);
    res.writeHead(200, {
      ...headers,
      'Content-Type': type,
      'Content-Length': body.length,
      'Cache-Control': cache,
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    if (options.log) console.log(`${req.method} ${req.url} 200`);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve(undefined));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { host: { type: 'string' }, port: { type: 'string' } } });
  const running = await startStaticServer({
    host: values.host ?? process.env.HOST ?? '127.0.0.1',
    port: Number(values.port ?? process.env.PORT ?? 4173),
  });
  console.log(`Latihan BOS V2: ${running.url}`);
  const stop = () => running.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
