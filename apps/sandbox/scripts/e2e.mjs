#!/usr/bin/env node
// End-to-end tests of the built sandbox (dist/) in ONE Debian Chromium (playwright-core), served
// by scripts/serve.mjs on 127.0.0.1 with a random port. Run by `pnpm test` after vitest.
// Every screen is checked with axe-core (no serious or critical violations).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { scenarios, workflows } from '@bosv2/training';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';
import { fillForm } from './fill.mjs';
import { startStaticServer } from './serve.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** Every screen, by hash (the player has more states: see `the player passes axe`). */
const SCREENS = [
  '#/',
  '#/peran/bhabinkamtibmas',
  '#/peran/supervisor',
  '#/peran/citizen',
  '#/peran/trainer',
  '#/peran/bhabinkamtibmas/dds-warga.clean/guided',
  '#/kemajuan',
  '#/sertifikat',
  '#/pengaturan',
];

/**
 * Scenarios whose data conflicts with the simulated server's seed, so the server refuses a
 * request the scenario expects to succeed. The test checks they still fail that way; when one
 * starts to pass, take it off this list. None today: citizen-outreach used to register the
 * mock's demo citizen (siti.aminah@contoh.id) and now has a resident of its own.
 */
const KNOWN_SEED_CONFLICTS = new Set([]);

let browser;
let server;

before(async () => {
  server = await startStaticServer({ port: 0 });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh context (its own storage and service workers), with console errors collected. */
async function open(hash = '#/', options = {}) {
  const context = await browser.newContext({ serviceWorkers: 'allow', ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(server.url + hash);
  await page.locator('main h1').first().waitFor();
  return { context, page, errors };
}

/** Resolves once a service worker controls the page; fails after 15 s. */
async function waitForServiceWorker(page) {
  const controlled = await page.evaluate(() =>
    Promise.race([
      new Promise((resolve) => setTimeout(() => resolve(false), 15_000)),
      (async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
          await new Promise((resolve) =>
            navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
          );
        }
        return true;
      })(),
    ]),
  );
  assert.ok(controlled, 'no service worker took control of the page within 15 s');
}

async function axe(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the app shell', () => {
  test('every screen shows the LATIHAN banner and passes axe with no serious violation', async () => {
    const { context, page, errors } = await open();
    for (const hash of SCREENS) {
      await page.goto(server.url + hash);
      await page.locator('main h1').first().waitFor();
      assert.match(await page.getByTestId('latihan-banner').textContent(), /LATIHAN/);
      assert.deepEqual(await axe(page), [], `axe on ${hash}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the language switch turns every screen into English and back', async () => {
    const { context, page } = await open('#/');
    assert.equal(await page.locator('html').getAttribute('lang'), 'id');
    assert.equal(await page.locator('main h1').textContent(), 'Pilih peran Anda');
    await page.getByTestId('language-switch').click();
    assert.equal(await page.locator('main h1').textContent(), 'Choose your role');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.match(await page.getByTestId('latihan-banner').textContent(), /Training mode/);
    await page.reload();
    assert.equal(
      await page.locator('main h1').textContent(),
      'Choose your role',
      'kept after reload',
    );
    await page.getByTestId('language-switch').click();
    assert.equal(await page.locator('main h1').textContent(), 'Pilih peran Anda');
    await context.close();
  });

  test('a 360 px phone shows every screen without sideways scrolling', async () => {
    const { context, page } = await open('#/', { viewport: { width: 360, height: 740 } });
    for (const hash of SCREENS) {
      await page.goto(server.url + hash);
      await page.locator('main h1').first().waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `${hash} is ${width} px wide`);
    }
    await context.close();
  });
});

describe('isolation', () => {
  test('the page cannot reach another host (Content-Security-Policy)', async () => {
    let hits = 0;
    const other = createServer((_, res) => {
      hits += 1;
      res.writeHead(200, { 'Access-Control-Allow-Origin': '*' });
      res.end('leak');
    });
    await new Promise((resolve) => other.listen(0, '127.0.0.1', resolve));
    // Another port is another origin; 127.0.0.1 keeps the test off the network.
    const target = `http://127.0.0.1:${other.address().port}/`;
    const { context, page } = await open('#/');
    const response = await page.request.get(server.url);
    assert.match(response.headers()['content-security-policy'] ?? '', /default-src 'self'/);
    const outcome = await page.evaluate(async (url) => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        violations.push(e.violatedDirective),
      );
      const fetched = await fetch(url).then(
        () => 'reached',
        () => 'blocked',
      );
      const image = await new Promise((resolve) => {
        const img = new Image();
        img.onload = () => resolve('reached');
        img.onerror = () => resolve('blocked');
        img.src = `${url}pixel.png`;
      });
      navigator.sendBeacon?.(url, 'x');
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { fetched, image, violations };
    }, target);
    assert.equal(outcome.fetched, 'blocked');
    assert.equal(outcome.image, 'blocked');
    assert.ok(outcome.violations.includes('connect-src'), JSON.stringify(outcome.violations));
    assert.equal(hits, 0, 'the other host got no request');
    // The same fetch to its own origin works: the policy is not just breaking every request.
    assert.equal(
      await page.evaluate(() => fetch('./manifest.webmanifest').then((r) => r.status)),
      200,
    );
    await context.close();
    await new Promise((resolve) => other.close(resolve));
  });
});

describe('offline', () => {
  test('after the first visit every screen works with no network, reloads included', async () => {
    const { context, page } = await open('#/');
    await waitForServiceWorker(page);
    await context.setOffline(true);
    for (const hash of SCREENS) {
      await page.goto(server.url + hash);
      await page.locator('main h1').first().waitFor();
      await page.reload();
      await page.locator('main h1').first().waitFor();
      assert.match(await page.getByTestId('latihan-banner').textContent(), /LATIHAN/);
    }
    await page.getByTestId('offline-notice').waitFor();
    await context.setOffline(false);
    await context.close();
  });
});

// ---------------------------------------------------------------------------------------------
// The scripted trainee.

const player = (page) => page.getByTestId('player');

async function stepOf(page) {
  const kind = await player(page).getAttribute('data-step-kind');
  const id = await player(page).getAttribute('data-step-id');
  return { kind, id };
}

/** Waits until the player leaves step `id` (or the attempt ends). */
async function leaveStep(page, id, ms = 15_000) {
  await page.waitForFunction(
    (prev) => document.querySelector('[data-testid=player]')?.getAttribute('data-step-id') !== prev,
    id,
    { timeout: ms },
  );
}

async function openMenu(page, menu) {
  for (const label of menu) await page.getByTestId(`menu-${label}`).click();
}

async function pressSend(page) {
  await page
    .locator('[data-testid=activity-form] button[type=submit], [data-testid=entry-submit]')
    .first()
    .click();
}

/**
 * Plays one step as a trainee who follows the guide: the menu of the briefing, the right
 * answer, "show me how" then Kirim; the scenario's own network drop (bring the signal back) and
 * server error (Kirim ulang).
 */
async function playGuidedStep(page, scenario, step) {
  if (step.kind === 'navigate') return openMenu(page, step.menu);
  if (step.kind === 'choice') {
    await page.getByTestId(`option-${step.correct}`).check();
    return page.getByTestId('answer').click();
  }
  if (step.expected) await page.getByTestId('show-me').click();
  await pressSend(page);
  const incident = scenario.incidents.find((i) => i.step === step.id && i.kind !== 'refusal');
  if (incident?.kind === 'network-drop') {
    await page.locator('[data-testid=drill-offline][aria-pressed=true]').waitFor();
    await page.getByTestId('drill-normal').click();
  } else if (incident?.kind === 'server-error') {
    await page.getByTestId('retry').click();
  }
}

/** Plays a scenario to its result; answers whether it passed and what reached the server. */
async function playGuided(page, scenario) {
  await page.goto(
    `${server.url}#/peran/${scenario.role}/${encodeURIComponent(scenario.id)}/guided`,
  );
  await player(page).waitFor();
  for (let guard = 0; guard < scenario.steps.length * 3; guard += 1) {
    const { kind, id } = await stepOf(page);
    if (kind === 'done') break;
    const step = scenario.steps.find((s) => s.id === id);
    assert.ok(step, `${scenario.id}: unknown step ${id}`);
    await playGuidedStep(page, scenario, step);
    await leaveStep(page, id);
  }
  const check = page.getByTestId('delivery-check');
  await check.waitFor({ timeout: 30_000 });
  return {
    passed: await page.getByTestId('result-passed').getAttribute('data-passed'),
    delivered: await check.getAttribute('data-ok'),
    text: await check.textContent(),
    outbox: await page.getByTestId('outbox').textContent(),
  };
}

describe('the trainee', () => {
  test(`completes every scenario (${scenarios.length}) in guided mode, each report reaching the server once`, async () => {
    // Two trainees on two devices (contexts), one per core, each with half the scenarios.
    const halves = [
      scenarios.filter((_, i) => i % 2 === 0),
      scenarios.filter((_, i) => i % 2 === 1),
    ];
    const failures = [];
    await Promise.all(
      halves.map(async (list) => {
        const { context, page, errors } = await open('#/');
        for (const scenario of list) {
          const result = await playGuided(page, scenario).catch((error) => ({ error }));
          if (result.error) {
            failures.push(`${scenario.id}: ${result.error.message.split('\n')[0]}`);
            continue;
          }
          if (result.passed !== 'true') failures.push(`${scenario.id}: not passed`);
          if (KNOWN_SEED_CONFLICTS.has(scenario.id)) {
            if (result.delivered === 'true')
              failures.push(`${scenario.id} now delivers: take it off KNOWN_SEED_CONFLICTS`);
            else assert.match(result.outbox, /Sudah ada|already exists/i, scenario.id);
          } else if (result.delivered !== 'true') {
            failures.push(`${scenario.id}: ${result.text} ${result.outbox.replace(/\s+/g, ' ')}`);
          }
        }
        failures.push(...errors.map((e) => `page error: ${e}`));
        // Every attempt is on the progress page.
        await page.goto(`${server.url}#/kemajuan`);
        const rows = await page.locator('[data-testid=progress-table] tbody tr').count();
        if (rows !== list.length)
          failures.push(`progress lists ${rows} scenarios, not ${list.length}`);
        await context.close();
      }),
    );
    assert.deepEqual(failures, []);
  });

  test('the player passes axe in every state: menu, form, feedback, result', async () => {
    const { context, page } = await open('#/');
    const scenario = scenarios.find((s) => s.id === 'dds-warga.clean');
    await page.goto(`${server.url}#/peran/bhabinkamtibmas/dds-warga.clean/practice`);
    await player(page).waitFor();
    assert.deepEqual(await axe(page), [], 'menu step');
    await page.getByTestId('menu-Profil').click();
    await page.getByTestId('menu-Lokasi Penugasan').click();
    await page.getByTestId('feedback').first().waitFor();
    assert.deepEqual(await axe(page), [], 'wrong menu feedback');
    await page.getByTestId('hint').click();
    await page.getByTestId('guide').waitFor();
    await openMenu(page, scenario.steps[0].menu);
    await page.getByTestId('activity-form').waitFor();
    assert.deepEqual(await axe(page), [], 'activity form');
    await pressSend(page);
    await page.locator('.bos-error-summary, [role=alert]').first().waitFor();
    assert.deepEqual(await axe(page), [], 'form with errors');
    await page.getByTestId('finish').click();
    await page.getByTestId('delivery-check').waitFor();
    assert.deepEqual(await axe(page), [], 'result');
    await context.close();
  });
});

/**
 * An exam as a trainee who types: menus, answers, and each form typed field by field (no
 * "show me" in exams). Answers what the typing could not fill and the result.
 */
async function playExam(page, scenario) {
  await page.goto(`${server.url}#/peran/${scenario.role}/${encodeURIComponent(scenario.id)}/exam`);
  await player(page).waitFor();
  assert.equal(await page.getByTestId('hint').count(), 0, 'no hints in an exam');
  assert.equal(await page.getByTestId('show-me').count(), 0, 'no "show me" in an exam');
  assert.equal(await page.getByRole('timer').count(), 1, 'an exam is timed');
  const missed = [];
  let endedEarly = null;
  for (let guard = 0; guard < scenario.steps.length * 2; guard += 1) {
    const { kind, id } = await stepOf(page);
    if (kind === 'done') break;
    const step = scenario.steps.find((s) => s.id === id);
    if (step.kind === 'navigate') await openMenu(page, step.menu);
    else if (step.kind === 'choice') {
      await page.getByTestId(`option-${step.correct}`).check();
      await page.getByTestId('answer').click();
    } else {
      if (step.expected) {
        // The forms are a chunk of their own, loaded after the player: wait for this one.
        await page
          .locator(
            '[data-testid=activity-form], [data-testid=operation-form], [data-testid=upload-form]',
          )
          .first()
          .waitFor();
        const prefix = (await page.getByTestId('activity-form').count()) > 0 ? 'entry' : 'op';
        missed.push(...(await fillForm(page, prefix, step.expected)).map((p) => `${id}:${p}`));
      }
      await pressSend(page);
    }
    // Either the step is done, or the form shows what is missing (the typing left it out).
    const left = await Promise.race([
      leaveStep(page, id, 30_000).then(() => true),
      page
        .locator('[data-testid=player] .bos-error-summary, [data-testid=upload-form] [role=alert]')
        .first()
        .waitFor({ timeout: 30_000 })
        .then(() => false),
    ]).catch(() => false);
    if (!left) {
      // The form refused what the typing left out: end the exam there, as a trainee would.
      endedEarly = `ended at ${id}`;
      await page.getByTestId('finish').click();
      break;
    }
  }
  await page.getByTestId('result-passed').waitFor({ timeout: 30_000 });
  return {
    missed,
    endedEarly,
    passed: await page.getByTestId('result-passed').getAttribute('data-passed'),
  };
}

describe('exams', () => {
  test(`one exam per workflow (${workflows.length}): timed, no hints, scored; a fully typed exam passes`, async () => {
    const exams = workflows.map(
      (w) =>
        scenarios.find((s) => s.workflow === w.id && s.variant === 'clean') ??
        scenarios.find((s) => s.workflow === w.id),
    );
    const halves = [exams.filter((_, i) => i % 2 === 0), exams.filter((_, i) => i % 2 === 1)];
    const failures = [];
    const typedIn = [];
    await Promise.all(
      halves.map(async (list) => {
        const { context, page } = await open('#/');
        for (const scenario of list) {
          const result = await playExam(page, scenario).catch((error) => ({ error }));
          if (result.error) failures.push(`${scenario.id}: ${result.error.message.split('\n')[0]}`);
          else if (result.missed.length === 0 && !result.endedEarly) {
            typedIn.push(scenario.id);
            if (result.passed !== 'true')
              failures.push(`${scenario.id}: typed in full but not passed`);
          } else
            failures.push(
              `${scenario.id}: left ${[...result.missed, result.endedEarly].filter(Boolean).join(', ')}`,
            );
        }
        await page.goto(`${server.url}#/kemajuan`);
        const exams = await page.locator('[data-testid=progress-table] tbody tr').count();
        if (exams !== list.length)
          failures.push(`progress lists ${exams} exams, not ${list.length}`);
        await context.close();
      }),
    );
    assert.deepEqual(failures, []);
    // Every form can be typed: household, GPS point, upload, parties and lists included.
    assert.deepEqual(
      exams.map((s) => s.id).filter((id) => !typedIn.includes(id)),
      [],
      'exams not typed in full',
    );
  });
});

describe('drills', () => {
  test('offline drill: a DDS report sent with no signal survives a reload and reaches the server exactly once', async () => {
    const { context, page } = await open('#/');
    await waitForServiceWorker(page);
    const scenario = scenarios.find((s) => s.id === 'dds-warga.clean');
    await page.goto(`${server.url}#/peran/bhabinkamtibmas/dds-warga.clean/guided`);
    await player(page).waitFor();
    await openMenu(page, scenario.steps[0].menu);
    await page.getByTestId('activity-form').waitFor();
    await context.setOffline(true);
    await page.getByTestId('offline-notice').waitFor();
    await page.getByTestId('show-me').click();
    await pressSend(page);
    await page.locator('[data-testid=outbox]', { hasText: /menunggu|waiting/i }).waitFor();
    assert.equal(await page.getByTestId('server-new-records').getAttribute('data-count'), '0');
    await page.reload();
    await player(page).waitFor();
    await page.locator('[data-testid=outbox]', { hasText: /menunggu|waiting/i }).waitFor();
    assert.equal(await page.getByTestId('server-new-records').getAttribute('data-count'), '0');
    await context.setOffline(false);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid=server-new-records]')?.getAttribute('data-count') ===
        '1',
      undefined,
      { timeout: 20_000 },
    );
    const { kind, id } = await stepOf(page);
    assert.equal(kind, 'entry', 'the report step is done, the submit step is next');
    await pressSend(page);
    await leaveStep(page, id);
    await page.getByTestId('delivery-check').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('delivery-check').getAttribute('data-ok'), 'true');
    assert.equal(await page.getByTestId('server-new-records').getAttribute('data-count'), '1');
    await context.close();
  });

  test('server-error drill: while the server fails nothing is stored; afterwards the report arrives once', async () => {
    const { context, page } = await open('#/');
    const scenario =
      scenarios.find((s) => s.id === 'giat-desa.clean') ??
      scenarios.find((s) => s.variant === 'clean');
    await page.goto(`${server.url}#/peran/${scenario.role}/${scenario.id}/guided`);
    await player(page).waitFor();
    await page.getByTestId('drill-server-error').click();
    for (const step of scenario.steps) {
      if (step.kind === 'entry' && step.expected) break;
      await playGuidedStep(page, scenario, step);
      await leaveStep(page, step.id);
    }
    await page.getByTestId('show-me').click();
    await pressSend(page);
    await page
      .locator('[data-testid=outbox]', {
        hasText: /gagal|failed|menunggu|waiting|dikirim|sending/i,
      })
      .waitFor();
    await page.waitForTimeout(1500);
    assert.equal(await page.getByTestId('server-new-records').getAttribute('data-count'), '0');
    await page.getByTestId('drill-normal').click();
    await page
      .getByTestId('retry')
      .click()
      .catch(() => undefined);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid=server-new-records]')?.getAttribute('data-count') ===
        '1',
      undefined,
      { timeout: 20_000 },
    );
    await page.waitForTimeout(1000);
    assert.equal(await page.getByTestId('server-new-records').getAttribute('data-count'), '1');
    await context.close();
  });
});

describe('the modules', () => {
  test('every workflow of the training package is listed under its role', async () => {
    const { context, page } = await open('#/peran/trainer');
    await page.locator('[data-testid^=module-]').first().waitFor();
    for (const workflow of workflows) {
      assert.equal(await page.getByTestId(`module-${workflow.id}`).count(), 1, workflow.id);
    }
    await context.close();
  });
});
