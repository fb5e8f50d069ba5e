#!/usr/bin/env node
// `pnpm -F @bosv2/sdk bench`: bundle sizes and per-request overhead of the SDK, written to
// docs/benchmarks/sdk.md. Needs `pnpm -F @bosv2/sdk build` first (turbo runs it).
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import ky from 'ky';
import createFetchClient from 'openapi-fetch';
import { createClient, operations } from '../dist/index.js';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(pkg, '../../docs/benchmarks/sdk.md');
const dist = join(pkg, 'dist');
const ops = Object.values(operations);
const THREE = ['getHealth', 'getMe', 'listActivities'].filter((id) => operations[id]);

// ---------------------------------------------------------------- bundle sizes
const ours = (ids) => `
import { createClientFor, ${ids.join(', ')} } from '${dist}/index.js';
const c = createClientFor({ ${ids.join(', ')} }, { baseUrl: 'http://127.0.0.1:4010/api/v2' });
${ids.map((id) => `c.${operations[id].group}.${operations[id].name}();`).join('\n')}`;
const oursAll = `
import { createClient } from '${dist}/index.js';
const c = createClient({ baseUrl: 'http://127.0.0.1:4010/api/v2' });
${ops.map((o) => `c.${o.group}.${o.name}();`).join('\n')}`;
const fetchClient = (list) => `
import createClient from 'openapi-fetch';
const c = createClient({ baseUrl: 'http://127.0.0.1:4010/api/v2' });
${list.map((o) => `c.${o.method}(${JSON.stringify(o.path)}, {});`).join('\n')}`;

const entries = [
  ['@bosv2/sdk + ky, 1 operation', ours(['getHealth'])],
  [`@bosv2/sdk + ky, ${THREE.length} operations`, ours(THREE)],
  [`@bosv2/sdk + ky, all ${ops.length} operations`, oursAll],
  ['@bosv2/sdk/outbox (entry alone)', `export * from '${dist}/outbox/index.js';`],
  ['@bosv2/sdk/outbox/indexeddb (entry alone)', `export * from '${dist}/outbox/indexeddb.js';`],
  [
    'ky 1.14.3 alone (`create` + `get`)',
    `import ky from 'ky'; ky.create({ prefixUrl: 'http://x' }).get('health').json();`,
  ],
  ['openapi-fetch 0.17.0, 1 operation', fetchClient([operations.getHealth])],
  [
    `openapi-fetch 0.17.0, ${THREE.length} operations`,
    fetchClient(THREE.map((id) => operations[id])),
  ],
  [`openapi-fetch 0.17.0, all ${ops.length} operations`, fetchClient(ops)],
];

async function size(code) {
  const dir = mkdtempSync(join(tmpdir(), 'bosv2-bench-'));
  try {
    const file = join(dir, 'entry.mjs');
    writeFileSync(file, code);
    const result = await build({
      entryPoints: [file],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      nodePaths: [join(pkg, 'node_modules')],
      logLevel: 'silent',
    });
    const bytes = result.outputFiles[0].contents;
    return {
      min: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
      }).length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sizes = [];
for (const [name, code] of entries) sizes.push([name, await size(code)]);
const [one, , all] = sizes.map(([, s]) => s);
const perOp = (all.gzip - one.gzip) / (ops.length - 1);

// ---------------------------------------------------------------- per-request overhead
// openapi-fetch's method: fetch is stubbed to resolve Response.json({}) on the next tick.
const stub = () => new Promise((r) => process.nextTick(() => r(Response.json({}))));
const baseUrl = 'http://127.0.0.1:4010/api/v2';
const token = { accessToken: 'at_bench', refreshToken: 'rt_bench' };
const store = { get: () => token, set: () => {} };
const headers = { 'accept-language': 'id', authorization: 'Bearer at_bench' };
const retry = {
  limit: 2,
  methods: ['get', 'head', 'options', 'put', 'delete'],
  statusCodes: [408, 429, 500, 502, 503, 504],
  afterStatusCodes: [429, 503],
  maxRetryAfter: 60_000,
  backoffLimit: 10_000,
  delay: (n) => 300 * 2 ** (n - 1),
  jitter: true,
  retryOnTimeout: true,
};

const sdk = createClient({ baseUrl, fetch: stub, auth: { store } });
const sdkLean = createClient({ baseUrl, fetch: stub, auth: { store }, retry: 0, timeoutMs: false });
const bare = ky.create({ prefixUrl: baseUrl, fetch: stub, timeout: 30_000 });
const bareLean = ky.create({ prefixUrl: baseUrl, fetch: stub, timeout: false, retry: 0 });
const of = createFetchClient({ baseUrl, fetch: stub });

const cases = [
  ['raw fetch + `.json()`', async () => (await stub(`${baseUrl}/me`, { headers })).json()],
  ['openapi-fetch 0.17.0', () => of.GET('/me', { headers })],
  [
    'bare ky, SDK defaults (retry 2, timeout 30 s)',
    () => bare.get('me', { headers, retry }).json(),
  ],
  ['**@bosv2/sdk, defaults**', () => sdk.auth.me()],
  ['bare ky, `retry: 0`, `timeout: false`', () => bareLean.get('me', { headers }).json()],
  ['**@bosv2/sdk, `retry: 0`, `timeoutMs: false`**', () => sdkLean.auth.me()],
];

// CPU time of this process, not wall time: other processes on a shared machine steal the CPU
// from whichever client happens to run, and CPU time does not count what they take.
async function measure(fn, n) {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await fn();
  const { user, system } = process.cpuUsage(start);
  return (user + system) / n;
}

// The machine may be busy (2 shared cores): rounds interleave the clients in a shuffled order,
// and ratios are taken within a round, so load drift hits both sides of each ratio alike.
const N = Number(process.env.BENCH_N ?? 400);
const RUNS = Number(process.env.BENCH_ROUNDS ?? 30);
for (const [, fn] of cases) await measure(fn, 1000);
const samples = cases.map(() => []);
const ratios = { defaults: [], lean: [] };
for (let r = 0; r < RUNS; r++) {
  const order = cases.map((_, i) => i).sort(() => Math.random() - 0.5);
  const round = [];
  for (const i of order) round[i] = await measure(cases[i][1], N);
  for (const [i, v] of round.entries()) samples[i].push(v);
  ratios.defaults.push(round[3] / round[2]);
  ratios.lean.push(round[5] / round[4]);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const us = samples.map(median);
const ratioDefaults = median(ratios.defaults);
const ratioLean = median(ratios.lean);

// ---------------------------------------------------------------- report
const kb = (b) => `${(b / 1024).toFixed(2)} KiB`;
const fmt = (n) => n.toLocaleString('en-US');
const date = new Date().toISOString().slice(0, 10);
const md = `# @bosv2/sdk benchmarks

Generated by \`pnpm -F @bosv2/sdk bench\` (packages/sdk/bench/run.mjs) on ${date}.
Machine: ${cpus().length} CPUs (\`nproc\` ${execSync('nproc').toString().trim()}), ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}.
Indicative only: rerun on your machine before comparing.

## Bundle size

esbuild \`--bundle --minify --format=esm --platform=browser\`; gzip level 9, brotli quality 11.
Each entry calls every operation it includes once (the same call sites for both clients).

| Entry | min (B) | gzip (B) | brotli (B) |
|---|---:|---:|---:|
${sizes.map(([name, s]) => `| ${name} | ${fmt(s.min)} | ${fmt(s.gzip)} | ${fmt(s.brotli)} |`).join('\n')}

- Client core with ky, one operation: **${kb(one.gzip)}** min+gzip (goal ≤ 7 KiB): ${one.gzip <= 7 * 1024 ? 'met' : '**not met**'}.
- Each further operation: **${perOp.toFixed(0)} B** gzip on average over ${ops.length} operations (goal ≤ 150 B): ${perOp <= 150 ? 'met' : '**not met**'}.

## Per-request overhead

openapi-fetch's method: \`fetch\` is a stub that resolves \`Response.json({})\` on
\`process.nextTick\`, injected into each client (no global patched); \`GET /me\` with a bearer
token and \`Accept-Language\`, awaited one after another. We count CPU time of the process per
request, not wall time, because other processes on a shared machine steal the CPU. ${RUNS}
rounds of ${fmt(N)} requests per client, clients shuffled within each round; the table shows
medians, and each ratio is the median of the per-round ratios. Load average during the run:
${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs.

| Client | µs/op | ops/s | vs bare ky (same options) |
|---|---:|---:|---:|
${cases
  .map(([name], i) => {
    const vs = i === 3 ? `${ratioDefaults.toFixed(2)}×` : i === 5 ? `${ratioLean.toFixed(2)}×` : '';
    return `| ${name} | ${us[i].toFixed(1)} | ${fmt(Math.round(1e6 / us[i]))} | ${vs} |`;
  })
  .join('\n')}

- Overhead of the SDK over bare ky with the same options: **${ratioDefaults.toFixed(2)}×** with the
  defaults, **${ratioLean.toFixed(2)}×** with retries and timeout off (goal ≤ 1.2×): ${
    Math.max(ratioDefaults, ratioLean) <= 1.2 ? 'met' : '**not met**'
  }.
`;

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, md);
console.log(md);
console.log(`written to ${out}`);
