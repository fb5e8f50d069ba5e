// Parity: the same requests, with the same seed, get the same answers from the mock running in
// a browser page (createMockFetch, no service worker) and from the mock's HTTP server in Node.
// The page runs in Debian's Chromium (playwright-core, no downloaded browser); the bundle is
// built from this package's dist (turbo builds before testing).
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFactories } from './factories.js';
import { loadContractSpec } from './node/load-spec.js';
import { type RunningMockServer, startMockServer } from './node/server.js';
import { DEMO_DESA } from './store/seed.js';

const here = dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The API's origin in the page: never contacted, the page answers from the mock.
const ORIGIN = 'http://bos.test';

interface Step {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  auth?: boolean;
  /** Keep the access token of this answer for the next steps. */
  login?: boolean;
  /** Use the `id` of the answer to step N in the path (`{id}`). */
  idFrom?: number;
}

interface Answer {
  status?: number;
  headers?: Record<string, string | null>;
  body?: unknown;
  error?: boolean;
}

/** A valid activity from the package's own factories (seeded), in the demo officer's desa. */
const activity = {
  ...(createFactories({ spec: loadContractSpec(), seed: 5 }).build('ActivityInput', undefined, {
    hint: { type: 'GIAT_DESA' },
  }) as Record<string, unknown>),
  location: { desaCode: DEMO_DESA, rt: '03', rw: '02' },
};

const STEPS: Step[] = [
  { method: 'GET', path: '/health' },
  {
    method: 'POST',
    path: '/auth/officer-login',
    body: { nrp: '85061234', password: 'latihan-bos-v2' },
    login: true,
  },
  { method: 'GET', path: '/regions/63.08.05.1002' },
  { method: 'GET', path: '/activities?limit=5', auth: true },
  { method: 'GET', path: '/activities?limit=2&status=SUBMITTED', auth: true },
  {
    method: 'POST',
    path: '/activities',
    auth: true,
    body: { ...activity, description: 'Terlalu pendek.' },
    headers: { 'idempotency-key': 'parity-short', 'accept-language': 'en' },
  },
  {
    method: 'POST',
    path: '/citizen-reports',
    auth: true,
    body: { title: 'x' },
    headers: { 'idempotency-key': 'parity-role' },
  },
  { method: 'GET', path: '/activities', auth: true, headers: { 'x-mock-fault': '5xx=503' } },
  { method: 'GET', path: '/health', headers: { 'x-mock-fault': 'offline' } },
  { method: 'GET', path: '/activities/{id}', auth: true, headers: { prefer: 'code=404' } },
  {
    method: 'POST',
    path: '/activities',
    auth: true,
    body: activity,
    headers: { 'idempotency-key': 'parity-create' },
  },
  { method: 'GET', path: '/activities/{id}', auth: true, idFrom: 10 },
  {
    method: 'POST',
    path: '/activities',
    auth: true,
    body: activity,
    headers: { 'idempotency-key': 'parity-create' },
  },
  { method: 'GET', path: '/nothing-here' },
];

/** Runs the steps against a fetch; the same code runs in the page (serialised) and in Node. */
async function runSteps(
  doFetch: (url: string, init: RequestInit) => Promise<Response>,
  base: string,
  steps: Step[],
): Promise<Answer[]> {
  const out: Answer[] = [];
  const ids: (string | undefined)[] = [];
  let token = '';
  for (const step of steps) {
    const headers: Record<string, string> = { ...(step.headers ?? {}) };
    if (step.auth) headers.authorization = `Bearer ${token}`;
    if (step.body !== undefined) headers['content-type'] = 'application/json';
    const id =
      step.idFrom !== undefined ? ids[step.idFrom] : '7a4c1a9e-3f2b-4d5c-8e6f-0a1b2c3d4e5f';
    const path = step.path.replace('{id}', String(id));
    try {
      const res = await doFetch(`${base}${path}`, {
        method: step.method,
        headers,
        body: step.body === undefined ? undefined : JSON.stringify(step.body),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {}
      const keep = ['content-type', 'etag', 'location', 'retry-after', 'allow'];
      const answer: Answer = {
        status: res.status,
        headers: Object.fromEntries(keep.map((k) => [k, res.headers.get(k)])),
        body,
      };
      if (step.login) token = (body as { accessToken: string }).accessToken;
      ids.push((body as { id?: string } | null)?.id);
      out.push(answer);
    } catch {
      ids.push(undefined);
      out.push({ error: true });
    }
  }
  return out;
}

/** Ids, tokens and clock times differ between two servers; everything else must not. */
function mask(value: unknown): unknown {
  if (typeof value === 'string') {
    return value
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)/g, '<time>')
      .replace(/^(at|rt)_[A-Za-z0-9_-]+$/, '<token>');
  }
  if (Array.isArray(value)) return value.map(mask);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mask(v)]));
  return value;
}

let browser: Browser | undefined;
let server: RunningMockServer | undefined;
/** Serves the page and its bundle on 127.0.0.1 (a real origin: the page may use storage). */
let pages: Server | undefined;
let pageUrl = '';
let bundle = '';

beforeAll(async () => {
  const dist = join(here, '../dist/index.js');
  expect(existsSync(dist), 'build the package first').toBe(true);
  const result = await build({
    stdin: {
      contents: `import spec from '@bosv2/contract/openapi.json';
        import { createMockFetch } from ${JSON.stringify(dist)};
        window.mockFetch = createMockFetch({ spec, seed: 1, baseUrl: ${JSON.stringify(ORIGIN)}, validateResponses: 'strict' });`,
      resolveDir: here,
      loader: 'js',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  bundle = result.outputFiles[0]?.text ?? '';
  pages = createServer((req, res) => {
    if (req.url === '/bundle.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(bundle);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>parity</title><script src="/bundle.js"></script>');
  });
  await new Promise<void>((resolve) => pages?.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}/`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  server = await startMockServer({ seed: 1, validateResponses: 'strict' });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await new Promise((resolve) => (pages ? pages.close(resolve) : resolve(undefined)));
});

describe('the mock in a browser page and in Node', () => {
  it('gives the same answers to the same requests', async () => {
    const page = await (browser as Browser).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // Nothing leaves the machine: only the page's own server on 127.0.0.1 is reached.
    const elsewhere: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(pageUrl)) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    await page.goto(pageUrl);
    const inPage = (await page.evaluate(
      async ({ source, base, steps }) => {
        const run = new Function(`return (${source})`)() as typeof runSteps;
        const w = window as unknown as {
          mockFetch: (url: string, init: RequestInit) => Promise<Response>;
        };
        return run(w.mockFetch, base, steps);
      },
      { source: runSteps.toString(), base: `${ORIGIN}/api/v2`, steps: STEPS },
    )) as Answer[];
    const inNode = await runSteps(
      (url, init) => fetch(url, init),
      (server as RunningMockServer).url,
      STEPS,
    );
    expect(errors).toEqual([]);
    expect(elsewhere).toEqual([]);
    // The steps did what they were written for (so the comparison is not of two failures).
    expect(inNode.map((a) => a.status ?? 'network error')).toEqual([
      200,
      200,
      200,
      200,
      200,
      400,
      403,
      503,
      'network error',
      404,
      201,
      200,
      201,
      404,
    ]);
    expect(inNode[10]?.headers?.location).toMatch(/^\/api\/v2\/activities\/[0-9a-f-]{36}$/);
    expect(mask(inPage)).toEqual(mask(inNode));
    expect(server?.engine.violations).toEqual([]);
    await page.close();
  }, 60_000);
});
