import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { builtPageCsp, PAGE_CSP, send } from './http.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
};

interface Entry {
  key: string;
  body: Buffer;
  etag: string;
  csp?: string;
}

/** Serves files under one directory (never above it), with ETags; read again when they change. */
export class StaticDir {
  private readonly cache = new Map<string, Entry>();

  constructor(
    readonly root: string,
    private readonly options: { builtPages?: boolean; immutablePrefix?: string } = {},
  ) {}

  exists(): boolean {
    try {
      return statSync(this.root).isDirectory();
    } catch {
      return false;
    }
  }

  /** The file for a URL path, or undefined. */
  resolve(urlPath: string): string | undefined {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return undefined;
    }
    if (decoded.includes('\0')) return undefined;
    const path = normalize(join(this.root, decoded));
    if (path !== this.root && !path.startsWith(this.root + sep)) return undefined;
    try {
      const stat = statSync(path);
      if (stat.isFile()) return path;
      if (stat.isDirectory() && statSync(join(path, 'index.html')).isFile()) {
        return join(path, 'index.html');
      }
    } catch {
      return undefined;
    }
    return undefined;
  }

  private read(path: string): Entry | undefined {
    try {
      const stat = statSync(path);
      const key = `${stat.mtimeMs}:${stat.size}`;
      const hit = this.cache.get(path);
      if (hit && hit.key === key) return hit;
      const body = readFileSync(path);
      const entry: Entry = {
        key,
        body,
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      };
      this.cache.set(path, entry);
      return entry;
    } catch {
      return undefined;
    }
  }

  /** Sends the file; false when it cannot be read. */
  serve(req: IncomingMessage, res: ServerResponse, path: string): boolean {
    const entry = this.read(path);
    if (!entry) return false;
    const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
    let csp = PAGE_CSP;
    if (type.startsWith('text/html') && this.options.builtPages) {
      entry.csp ??= builtPageCsp(entry.body.toString('utf8'));
      csp = entry.csp;
    }
    const immutable =
      this.options.immutablePrefix !== undefined &&
      path.startsWith(join(this.root, this.options.immutablePrefix));
    const headers = {
      'Content-Type': type,
      'Content-Security-Policy': csp,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ETag: entry.etag,
    };
    if (req.headers['if-none-match'] === entry.etag) {
      send(res, 304, headers);
      return true;
    }
    send(
      res,
      200,
      { ...headers, 'Content-Length': entry.body.length },
      entry.body,
      req.method === 'HEAD',
    );
    return true;
  }
}
