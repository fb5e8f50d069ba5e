#!/usr/bin/env node
// `pnpm -F @bosv2/sandbox bench`: sizes of the built sandbox, Lighthouse 12.2.3 (mobile preset)
// on the home page and a scenario, and the start-up in Debian Chromium on a throttled "mobile"
// profile; writes docs/benchmarks/sandbox.md. Not a test: numbers only. Everything is served
// by scripts/serve.mjs on 127.0.0.1; Chromium resolves no other host (scripts/lighthouse.mjs).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';
import { CHROME_FLAGS, runLighthouse } from './lighthouse.mjs';
import { startStaticServer } from './serve.mjs';

/** src/runtime/use-runtime.ts IDLE_START_MS (read from the source, so the text stays true). */
const IDLE_START_MS = Number(
  readFileSync(new URL('../src/runtime/use-runtime.ts', import.meta.url), 'utf8').match(
    /IDLE_START_MS = (\d+)/,
  )?.[1],
);

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const out = fileURLToPath(new URL('../../../docs/benchmarks/sandbox.md', import.meta.url));
const kb = (bytes) => (bytes / 1024).toFixed(1);

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const initialGz = initial.reduce((sum, file) => sum + gz(file), 0);
const chunks = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => ({
    file: `assets/${f}`,
    raw: statSync(join(dist, 'assets', f)).size,
    gz: gz(`assets/${f}`),
  }))
  .sort((a, b) => b.gz - a.gz);
const precache = JSON.parse(
  readFileSync(join(dist, 'sw.js'), 'utf8').match(/__PRECACHE__ = (\{.*?\});/)[1],
);
const precacheBytes = precache.files
  .filter((f) => f !== './')
  .reduce((sum, f) => sum + statSync(join(dist, f)).size, 0);

const server = await startStaticServer({ port: 0 });
const SCENARIO = '#/peran/bhabinkamtibmas/dds-warga.clean/guided';
const loadBefore = os.loadavg();
const lighthouse = await runLighthouse([server.url, server.url + SCENARIO]);
for (const r of lighthouse) {
  if (r.hosts.length > 0) throw new Error(`Lighthouse reached other hosts: ${r.hosts.join(', ')}`);
}
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
async function load(hash, warm) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (warm) {
    await page.goto(server.url + hash);
    await page.locator('main h1').first().waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
  }
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const start = Date.now();
  if (warm) await page.reload();
  else await page.goto(server.url + hash);
  const isPlayer = hash.includes('/guided');
  await page
    .locator(isPlayer ? '[data-testid=player]' : 'main h1')
    .first()
    .waitFor({ timeout: 120_000 });
  const ready = Date.now() - start;
  let serverReady = null;
  if (isPlayer) {
    // The trainee taps at once (the first menu item): that starts the simulated server, which
    // is ready when the player says so (data-server=ready).
    await page.locator('[data-testid^=menu-]').first().click();
    await page.locator('[data-testid=player][data-server=ready]').waitFor({ timeout: 120_000 });
    serverReady = Date.now() - start;
  }
  const paint = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  );
  await context.close();
  return { ready, server: serverReady, paint: paint === null ? null : Math.round(paint) };
}
const rows = [];
for (const [label, hash, warm] of [
  ['home, first visit', '#/', false],
  ['home, repeat visit (service worker)', '#/', true],
  ['DDS scenario player, first visit', SCENARIO, false],
  ['DDS scenario player, repeat visit', SCENARIO, true],
]) {
  const result = await load(hash, warm);
  rows.push(`| ${label} | ${result.paint ?? '—'} | ${result.ready} | ${result.server ?? '—'} |`);
}
await browser.close();
await server.close();

const loadText = (avg) => avg.map((n) => n.toFixed(1)).join(' / ');
const goal = (value, min) => `${value}${value >= min ? '' : ' (below the goal)'}`;
const lhRows = lighthouse.map(
  (r, i) =>
    `| ${i === 0 ? 'home `#/`' : `DDS scenario \`${SCENARIO}\``} | **${goal(r.performance, 90)}** | **${goal(r.accessibility, 95)}** | ${r.tti} | ${r.fcp} | ${r.lcp} | ${r.tbt} |`,
);
const md = `# Benchmark: @bosv2/sandbox

Command: \`pnpm -F @bosv2/sandbox bench\` (apps/sandbox/scripts/bench.mjs) after \`vite build\`.
Date: ${new Date().toISOString()}. Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version},
load average ${os
  .loadavg()
  .map((n) => n.toFixed(1))
  .join(' / ')} (other jobs may share the machine).

## Size
Initial JavaScript (what index.html loads before the first screen), gzip -9:
**${kb(initialGz)} KB** (goal ≤ 150 KB): ${initial.join(', ')}.
A scenario page shows the situation as soon as the training material (\`@bosv2/training\`) has
loaded, and the player (\`Player-*\`) right after. The forms with the contract
(\`EntryForm-*\`, \`openapi-*\`) and the simulated server (\`runtime-*\`: mock, faker, validators,
SDK) load in the background: on the trainee's first tap or key, after ${IDLE_START_MS / 1000} s
idle, or when an action needs them (src/runtime/use-runtime.ts). The service worker caches all
of it on the first visit
(${precache.files.length} files, ${kb(precacheBytes)} KB uncompressed).

| chunk | raw KB | gzip KB |
|---|---|---|
${chunks.map((c) => `| ${c.file} | ${kb(c.raw)} | ${kb(c.gz)} |`).join('\n')}

## Lighthouse (mobile preset)
Lighthouse ${lighthouse[0]?.version} (Node API, its default mobile config: Moto G Power screen,
simulated 150 ms RTT / 1.6 Mbps, 4× CPU slowdown), categories performance and accessibility, in
Debian Chromium ${lighthouse[0]?.chrome.replace('Chrome/', '')} started by chrome-launcher
(\`CHROME_PATH=/usr/bin/chromium\`) with \`${CHROME_FLAGS.join(' ')}\`; the build served by
scripts/serve.mjs (gzip) on 127.0.0.1, each page in a fresh profile (first visit, no service
worker yet). Requests to other hosts: ${lighthouse.reduce((n, r) => n + r.hosts.length, 0)}.
Goals: performance ≥ 90, accessibility ≥ 95. Load average before the Lighthouse runs:
${loadText(loadBefore)}; simulated throttling scales the CPU time measured on this machine, so
a busy machine lowers the performance score. Lighthouse does not tap; the simulated server's
chunk loaded during its run on: ${
  lighthouse.filter((r) => r.runtimeLoaded).length === 0
    ? 'neither page'
    : lighthouse
        .filter((r) => r.runtimeLoaded)
        .map((r) => (r.url.includes('#/peran') ? 'the scenario' : 'home'))
        .join(', ')
}. When it did not, its start-up (seeding the
world, compiling validators) is not in these numbers; it is in "server ready" below.

| page | performance | accessibility | time to interactive ms | FCP ms | LCP ms | total blocking time ms |
|---|---|---|---|---|---|---|
${lhRows.join('\n')}

Main-thread time by script (Lighthouse "bootup-time", ms, slowed 4×): ${lighthouse
  .map((r, i) => `${i === 0 ? 'home' : 'scenario'}: ${r.bootup.join(', ') || '—'}`)
  .join('; ')}.

## Start-up on a throttled phone profile
Debian Chromium, 360 × 740, 150 ms RTT, 1.6 Mbps down, 750 kbps up, CPU 4× slower. "Ready":
from navigation to the screen's heading (home) or the scenario player being on screen.
"Server ready": the trainee taps the first menu item as soon as the player shows; from
navigation until the simulated server has started and the attempt is prepared on it (seeded
world, officer's session and desa), i.e. until a "Kirim" no longer waits
("Menyiapkan server latihan…").
Measured with playwright-core and Chromium's own throttling (the same values), from the page's
own timings; axe-core also checks accessibility in the e2e test.

| page | first contentful paint ms | ready ms | server ready ms |
|---|---|---|---|
${rows.join('\n')}
`;
writeFileSync(out, md);
console.log(md);
