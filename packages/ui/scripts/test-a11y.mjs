#!/usr/bin/env node
// Accessibility check of every story: builds Storybook, serves the static build on 127.0.0.1
// (random port), opens each story in one headless Chromium at 360 px wide, runs axe-core and
// fails on serious or critical violations. It also fails when a story scrolls sideways at
// 360 px, at normal and at 200% text size (WCAG 1.4.4 / 1.4.10).
//
//   node scripts/test-a11y.mjs              build, then check
//   node scripts/test-a11y.mjs --no-build   reuse storybook-static/
//   A11Y_FILTER=region node scripts/...     only stories whose id contains "region"
//   CHROMIUM_PATH=/path/to/chrome           another browser binary (default /usr/bin/chromium)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(here, 'storybook-static');
const require = createRequire(import.meta.url);
const started = Date.now();

function log(message) {
  console.log(`[a11y] ${message}`);
}

if (!process.argv.includes('--no-build')) {
  log('building Storybook');
  const bin = join(here, 'node_modules', '.bin', 'storybook');
  const result = spawnSync(bin, ['build', '--quiet', '--output-dir', outDir], {
    cwd: here,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', CI: 'true' },
  });
  if (result.status !== 0) {
    console.error('[a11y] storybook build failed');
    process.exit(1);
  }
}
if (!existsSync(join(outDir, 'index.json'))) {
  console.error(`[a11y] ${outDir}/index.json is missing; build Storybook first.`);
  process.exit(1);
}

const index = JSON.parse(readFileSync(join(outDir, 'index.json'), 'utf8'));
const filter = process.env.A11Y_FILTER ?? '';
const stories = Object.values(index.entries).filter(
  (e) => e.type === 'story' && e.id.includes(filter),
);
if (stories.length === 0) {
  console.error('[a11y] no stories found');
  process.exit(1);
}

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  const file = normalize(join(outDir, path === '/' ? 'index.html' : path));
  if (!file.startsWith(resolve(outDir))) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res
      .writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
      .end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const { port } = server.address();
log(`serving ${stories.length} stories on http://127.0.0.1:${port}`);

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const failures = [];
let checked = 0;

try {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 1,
  });
  // Only the local server: a story that reaches for the network is a bug here.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:')
      return route.continue();
    return route.abort();
  });
  // Two pages share the queue: one per core of the CI machine.
  const queue = [...stories];
  const workers = Array.from({ length: Math.max(1, Number(process.env.A11Y_PAGES ?? 2)) }, () =>
    checkAll(),
  );
  await Promise.all(workers);

  async function checkAll() {
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));

    let loaded = false;
    for (let story = queue.shift(); story; story = queue.shift()) {
      pageErrors.length = 0;
      // The preview is loaded once; later stories are switched through Storybook's channel,
      // which saves parsing the whole bundle again for each of them.
      const outcome = loaded
        ? await switchStory(page, story.id)
        : await loadStory(page, port, story.id);
      loaded = outcome.kind !== 'timeout';
      if (outcome.kind !== 'ok') {
        failures.push({
          story: story.id,
          problem:
            outcome.kind === 'timeout'
              ? 'the story did not render within 15 s'
              : `the story failed (${outcome.kind}): ${outcome.message} ${pageErrors.join(' ')}`.trim(),
        });
        continue;
      }
      // Let loaders, simulated delays and effects settle.
      await page.waitForTimeout(200);
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
      // axe ships WCAG 2.2's target-size rule (24 x 24 px) disabled; the issue asks for it.
      const result = await page.evaluate(() =>
        window.axe.run(document.querySelector('#storybook-root'), {
          resultTypes: ['violations'],
          rules: { 'target-size': { enabled: true } },
        }),
      );
      for (const violation of result.violations) {
        if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
        failures.push({
          story: story.id,
          problem: `${violation.impact} ${violation.id}: ${violation.help}`,
          nodes: violation.nodes
            .slice(0, 3)
            .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`),
        });
      }
      for (const [label, size] of [
        ['at 360 px', ''],
        ['at 360 px with 200% text', '200%'],
      ]) {
        const overflow = await page.evaluate((fontSize) => {
          document.documentElement.style.fontSize = fontSize;
          const scroll = document.documentElement.scrollWidth;
          if (scroll <= window.innerWidth + 1) {
            document.documentElement.style.fontSize = '';
            return null;
          }
          // Only on failure: name the widest elements, to say what to fix.
          const root = document.querySelector('#storybook-root');
          const wide = [...(root?.querySelectorAll('*') ?? [])]
            .filter(
              (el) =>
                el.getBoundingClientRect().right > window.innerWidth + 1 &&
                getComputedStyle(el).position !== 'fixed',
            )
            .slice(0, 3)
            .map(
              (el) =>
                `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(el.getBoundingClientRect().right)} px)`,
            );
          document.documentElement.style.fontSize = '';
          return { scroll, wide };
        }, size);
        if (overflow) {
          failures.push({
            story: story.id,
            problem: `scrolls sideways ${label} (page is ${overflow.scroll} px wide)`,
            nodes: overflow.wide,
          });
        }
      }
      checked += 1;
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}

/** Opens the preview on a story and waits until it rendered or failed. */
async function loadStory(page, port, id) {
  const url = `http://127.0.0.1:${port}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`;
  await page.goto(url, { waitUntil: 'load' });
  try {
    await page.waitForFunction(
      () =>
        document.body.classList.contains('sb-show-errordisplay') ||
        (document.querySelector('#storybook-root')?.childElementCount ?? 0) > 0,
      undefined,
      { timeout: 15_000 },
    );
  } catch {
    return { kind: 'timeout' };
  }
  if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) {
    const message = await page.evaluate(
      () => document.querySelector('#error-message')?.textContent ?? '',
    );
    return { kind: 'error', message };
  }
  return { kind: 'ok' };
}

/** Tells the loaded preview to render another story, as the Storybook manager does. */
async function switchStory(page, id) {
  return page.evaluate(
    (storyId) =>
      new Promise((resolve) => {
        const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
        if (!channel) {
          resolve({ kind: 'timeout' });
          return;
        }
        const handlers = {};
        const finish = (kind) => (arg) => {
          for (const [event, handler] of Object.entries(handlers)) channel.off(event, handler);
          clearTimeout(timer);
          const text =
            arg && typeof arg === 'object'
              ? (arg.description ?? arg.message ?? arg.title ?? '')
              : String(arg ?? '');
          resolve({ kind, message: String(text) });
        };
        handlers.storyRendered = finish('ok');
        handlers.storyErrored = finish('error');
        handlers.storyThrewException = finish('exception');
        handlers.storyMissing = finish('missing');
        const timer = setTimeout(() => finish('timeout')(), 15_000);
        for (const [event, handler] of Object.entries(handlers)) channel.on(event, handler);
        channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
      }),
    id,
  );
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
failures.sort((a, b) => a.story.localeCompare(b.story));
if (failures.length > 0) {
  for (const failure of failures) {
    console.error(`✗ ${failure.story}: ${failure.problem}`);
    for (const node of failure.nodes ?? []) console.error(`    ${node}`);
  }
  console.error(`[a11y] ${failures.length} problem(s) in ${stories.length} stories (${seconds} s)`);
  process.exit(1);
}
log(
  `${checked} stories: no serious or critical axe violations, no sideways scrolling at 360 px (${seconds} s)`,
);
