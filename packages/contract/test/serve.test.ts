// Tests of the root start server, scripts/serve.mjs, which serves this package's artifacts.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listOperations, loadSpec, specPath } from '../src/index.js';
import { createValidator } from './example-check.js';

const serveScript = fileURLToPath(new URL('../../../scripts/serve.mjs', import.meta.url));

interface Running {
  url: string;
  api: 'mock' | 'fallback';
  mockReason?: string;
  close: () => Promise<void>;
}
type StartServer = (options?: {
  host?: string;
  port?: number;
  mockModule?: string | false;
}) => Promise<Running>;

let startServer: StartServer;
beforeAll(async () => {
  ({ startServer } = (await import(serveScript)) as { startServer: StartServer });
});

describe('the start server without the mock', () => {
  let server: Running;
  beforeAll(async () => {
    server = await startServer({ port: 0, mockModule: false });
  });
  afterAll(() => server.close());

  test('listens on 127.0.0.1 and answers health itself', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.api).toBe('fallback');
    const res = await fetch(`${server.url}/api/v2/health`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', version: loadSpec().info.version });
    expect(Math.abs(Date.parse(body.time) - Date.now())).toBeLessThan(60_000);
  });

  test('answers health as the contract says', async () => {
    const health = listOperations().find((op) => op.operationId === 'getHealth');
    expect(health).toBeDefined();
    const pointer = `/paths/${health?.path.replace(/~/g, '~0').replace(/\//g, '~1')}/get/responses/200/content/application~1json/schema`;
    const body = await (await fetch(`${server.url}/api/v2/health`)).json();
    expect(createValidator(loadSpec() as never)(pointer, body)).toEqual([]);
  });

  test('answers the rest of /api/v2 with a 503 problem, in Bahasa Indonesia by default', async () => {
    const res = await fetch(`${server.url}/api/v2/activities?limit=5`);
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({
      type: 'urn:bosv2:problem:service-unavailable',
      code: 'service-unavailable',
      status: 503,
      title: 'Layanan tidak tersedia',
      instance: '/api/v2/activities?limit=5',
    });
    const en = await fetch(`${server.url}/api/v2/activities`, {
      method: 'POST',
      headers: { 'Accept-Language': 'en-US,en;q=0.9' },
    });
    expect(en.headers.get('content-language')).toBe('en');
    expect((await en.json()).title).toBe('Service unavailable');
  });

  test('serves the reference page at / and /reference/ with a self-only CSP', async () => {
    const page = readFileSync(new URL('../dist/reference/index.html', import.meta.url), 'utf8');
    for (const path of ['/', '/reference/']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toBe(page);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/https?:|\*/);
      // Every inline script of the page is allowed by its hash, and nothing else inline.
      const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, , code] of scripts) {
        const hash = createHash('sha256')
          .update(code ?? '')
          .digest('base64');
        expect(csp).toContain(`'sha256-${hash}'`);
      }
      expect(csp).not.toContain("'unsafe-eval'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    const redirect = await fetch(`${server.url}/reference`, { redirect: 'manual' });
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get('location')).toBe('/reference/');
  });

  test('serves the contract as JSON and YAML, with ETags', async () => {
    const json = await fetch(`${server.url}/openapi.json`);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await json.text()).toBe(readFileSync(specPath, 'utf8'));
    const yaml = await fetch(`${server.url}/openapi.yaml`);
    expect(yaml.headers.get('content-type')).toBe('application/yaml; charset=utf-8');
    expect(await yaml.text()).toMatch(/^openapi: 3\.1\.\d/);
    const etag = json.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const again = await fetch(`${server.url}/openapi.json`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    const head = await fetch(`${server.url}/openapi.json`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  test('serves the page for the client-side routes of the reference when a browser asks', async () => {
    const html = { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
    const route = await fetch(`${server.url}/activities`, { headers: html });
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(route.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(`${server.url}/favicon.ico`, { headers: html })).status).toBe(404);
    expect((await fetch(`${server.url}/activities`)).status).toBe(404);
  });

  test('answers unknown paths with 404 and other methods with 405', async () => {
    const missing = await fetch(`${server.url}/nothing-here`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).code).toBe('not-found');
    const post = await fetch(`${server.url}/openapi.json`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('the start server with a mock', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bosv2-serve-'));
    writeFileSync(
      join(dir, 'mock.mjs'),
      `export function createMockRequestListener(options) {
        return (req, res) => {
          res.writeHead(299, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ mocked: req.url, options }));
        };
      }`,
    );
    writeFileSync(join(dir, 'broken.mjs'), 'throw new Error("boom");');
    writeFileSync(join(dir, 'other.mjs'), 'export const something = 1;');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('hands every /api/v2 request to createMockRequestListener', async () => {
    const server = await startServer({ port: 0, mockModule: join(dir, 'mock.mjs') });
    try {
      expect(server.api).toBe('mock');
      const res = await fetch(`${server.url}/api/v2/health`);
      expect(res.status).toBe(299);
      expect(await res.json()).toEqual({
        mocked: '/api/v2/health',
        options: { basePath: '/api/v2' },
      });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      // The pages stay the server's own.
      expect((await fetch(`${server.url}/openapi.json`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  for (const [name, file, reason] of [
    ['is missing', 'absent.mjs', /not built/],
    ['throws while loading', 'broken.mjs', /boom/],
    ['exports no listener factory', 'other.mjs', /does not export createMockRequestListener/],
  ] as const) {
    test(`falls back to health and 503 when the mock ${name}`, async () => {
      const server = await startServer({ port: 0, mockModule: join(dir, file) });
      try {
        expect(server.api).toBe('fallback');
        expect(server.mockReason).toMatch(reason);
        expect((await fetch(`${server.url}/api/v2/health`)).status).toBe(200);
        expect((await fetch(`${server.url}/api/v2/units`)).status).toBe(503);
      } finally {
        await server.close();
      }
    });
  }
});

test('node scripts/serve.mjs prints its URL and stops cleanly on SIGTERM and SIGINT', async () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const child = spawn(process.execPath, [serveScript, '--port', '0', '--no-mock'], {
      env: { ...process.env, HOST: '127.0.0.1' },
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 10_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = out.match(/running at (http:\/\/127\.0\.0\.1:\d+)\//);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    expect((await fetch(`${url}/api/v2/health`)).status).toBe(200);
    const exit = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.kill(signal);
    expect(await exit).toBe(0);
  }
});
