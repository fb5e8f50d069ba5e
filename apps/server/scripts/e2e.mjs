#!/usr/bin/env node
// End to end in ONE Debian Chromium (playwright-core): a trainer creates a session in the console,
// two trainees join from their "phones" (two browser contexts), practise a scenario in the
// sandbox, one of them offline; the live board shows both and the CSV export holds both.
// Run by `pnpm test` after vitest, against the built server (dist/) and the built sandbox.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { scenarios } from '@bosv2/training';
import { chromium } from 'playwright-core';
import { startServer } from '../dist/index.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'];
const SCENARIO = scenarios.find((s) => s.id === 'dds-warga.clean');
const TRAINER = {
  username: 'pelatih',
  displayName: 'Aiptu Contoh',
  password: 'rahasia-pelatih-e2e',
};

let server;
let browser;
let dataDir;

before(async () => {
  assert.ok(SCENARIO, 'dds-warga.clean is missing from @bosv2/training');
  dataDir = mkdtempSync(join(tmpdir(), 'bosv2-server-e2e-'));
  server = await startServer({ port: 0, dataDir, quiet: true, boardRefreshMs: 500 });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** A new "device": its own storage, cookies and service worker; page errors collected. */
async function device() {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  return { context, page, errors };
}

/** The trainer's first visit: make the account, log in, create a session of one module. */
async function createSession(page) {
  await page.goto(`${server.url}/trainer`);
  await page.waitForURL(/\/trainer\/setup$/);
  const setup = page.locator('#setup');
  await setup.locator('[name=username]').fill(TRAINER.username);
  await setup.locator('[name=displayName]').fill(TRAINER.displayName);
  await setup.locator('[name=password]').fill(TRAINER.password);
  await setup.locator('button[type=submit]').click();
  await page.waitForURL(/\/trainer\/login$/);
  await page.locator('#login [name=username]').fill(TRAINER.username);
  await page.locator('#login [name=password]').fill(TRAINER.password);
  await page.locator('#login button[type=submit]').click();
  await page.waitForURL(/\/trainer$/);
  const form = page.locator('#new-session');
  await form.locator('[name=name]').fill('Pelatihan BOS V2 Polsek Amuntai Tengah');
  await form.locator('[name=place]').fill('Aula Polres Hulu Sungai Utara');
  // Only the module this test practises: the others stay in the list unticked.
  for (const box of await form.locator('input[name=modules]').all()) {
    if ((await box.getAttribute('value')) === SCENARIO.workflow) await box.check();
    else await box.uncheck();
  }
  await form.locator('button[type=submit]').click();
  await page.waitForURL(/\/trainer\/sessions\/[0-9a-f-]+$/);
  const id = page.url().split('/').pop();
  const code = (await page.locator('#join-code').textContent()).trim();
  assert.match(code, /^[A-Z0-9-]{4,12}$/, 'the session page shows a join code');
  return { id, code };
}

/** A trainee joins from the QR link, then opens the sandbox from the "joined" page. */
async function joinAndOpenSandbox(page, code, name) {
  await page.goto(`${server.url}/j/${code}`);
  await page.locator('#join [name=name]').fill(name);
  await page.locator('#join button[type=submit]').click();
  await page.waitForURL(/\/joined$/);
  await page.locator('#who', { hasText: name }).waitFor();
  await page.locator('a.button[href="/"]').click();
  await page.getByTestId('classroom-status').waitFor();
}

const player = (page) => page.getByTestId('player');

/** Plays the current step the guided way (its menu, or "show me how" then Kirim). */
async function playStep(page) {
  const id = await player(page).getAttribute('data-step-id');
  const step = SCENARIO.steps.find((s) => s.id === id);
  assert.ok(step, `unknown step ${id}`);
  if (step.kind === 'navigate') {
    for (const label of step.menu) await page.getByTestId(`menu-${label}`).click();
  } else {
    if (step.expected) await page.getByTestId('show-me').click();
    await page
      .locator('[data-testid=activity-form] button[type=submit], [data-testid=entry-submit]')
      .first()
      .click();
  }
  await page.waitForFunction(
    (prev) => document.querySelector('[data-testid=player]')?.getAttribute('data-step-id') !== prev,
    id,
    { timeout: 30_000 },
  );
}

/** Plays the scenario to its result. */
async function playGuided(page) {
  for (let guard = 0; guard < SCENARIO.steps.length * 3; guard += 1) {
    if ((await player(page).getAttribute('data-step-kind')) === 'done') break;
    await playStep(page);
  }
  await page.getByTestId('result-passed').waitFor();
  assert.equal(await page.getByTestId('result-passed').getAttribute('data-passed'), 'true');
}

async function openScenario(page) {
  await page.goto(`${server.url}/#/peran/${SCENARIO.role}/${SCENARIO.id}/guided`);
  await player(page).waitFor();
}

/** Resolves once the service worker controls the page (the app then works with no network). */
async function offlineReady(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
  await page.waitForLoadState('networkidle');
}

/** The learning records kept on a device (the sandbox's progress store). */
function deviceStatementIds(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('latihan-bos-v2');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result
            .transaction('statements', 'readonly')
            .objectStore('statements')
            .getAllKeys();
          request.onsuccess = () => resolve(request.result.map(String));
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** The board's row of a trainee: name cell and the "passed" column. */
async function boardRow(page, name) {
  const row = page.locator('#board tbody tr', { hasText: name });
  if ((await row.count()) === 0) return null;
  const cells = await row.first().locator('td').allTextContents();
  return { name: cells[0], module: cells[1], passed: cells[2] };
}

async function waitForBoard(page, name, passed, module = /./) {
  const deadline = Date.now() + 30_000;
  let last = null;
  while (Date.now() < deadline) {
    last = await boardRow(page, name);
    if (last && last.passed === passed && module.test(last.module)) return last;
    await page.waitForTimeout(250);
  }
  assert.fail(`the board shows ${JSON.stringify(last)} for ${name}, not passed ${passed}`);
}

/** How many learning events of this trainee the server holds. */
async function eventsOf(name) {
  const session = (await server.repo.listTrainees(currentSession)).find((t) => t.name === name);
  const events = await server.repo.listEvents(currentSession);
  return events.filter((e) => e.traineeId === session?.id).length;
}

let currentSession;

/**
 * Waits until the phone has nothing left to send and the server's count of this trainee's
 * events holds still for a second (a record sent just before may still be on its way).
 */
async function settled(page, name) {
  let last = -1;
  for (let i = 0; i < 60; i += 1) {
    await page
      .getByTestId('classroom-status')
      .and(page.locator('[data-pending="0"]'))
      .waitFor({ timeout: 30_000 });
    const count = await eventsOf(name);
    if (count === last) return count;
    last = count;
    await page.waitForTimeout(1000);
  }
  assert.fail(`${name}'s events never settled`);
}

test('a session from creation to export: two trainees, one of them offline for a while', async () => {
  const trainer = await device();
  const { id, code } = await createSession(trainer.page);
  currentSession = id;
  // The board is live (server-sent events) on the session page the trainer keeps open.
  await trainer.page.locator('#live', { hasText: /●/ }).waitFor({ timeout: 15_000 });

  const one = await device();
  const two = await device();
  await joinAndOpenSandbox(one.page, code, 'Bripka Satu');
  await joinAndOpenSandbox(two.page, code, 'Brigpol Dua');
  await waitForBoard(trainer.page, 'Bripka Satu', '0/1');
  await waitForBoard(trainer.page, 'Brigpol Dua', '0/1');

  // Trainee one practises on the hall's Wi-Fi.
  await openScenario(one.page);
  await playGuided(one.page);
  await one.page
    .getByTestId('classroom-status')
    .and(one.page.locator('[data-pending="0"]'))
    .waitFor();
  await waitForBoard(trainer.page, 'Bripka Satu', '1/1');

  // Trainee two loses the Wi-Fi once the app is on the phone and goes on: the first step (a
  // menu) needs no server, its record waits on the phone and the board does not see it yet.
  await openScenario(two.page);
  await offlineReady(two.page);
  const before = await settled(two.page, 'Brigpol Dua');
  await two.context.setOffline(true);
  assert.equal(SCENARIO.steps[0].kind, 'navigate');
  await playStep(two.page);
  await two.page.waitForFunction(
    () => Number(document.querySelector('[data-testid=classroom-status]')?.dataset.pending) > 0,
  );
  await two.page
    .getByTestId('classroom-status')
    .filter({ hasText: /menunggu sinyal/ })
    .waitFor();
  assert.equal(await eventsOf('Brigpol Dua'), before, 'nothing reached the server while offline');
  assert.equal((await boardRow(trainer.page, 'Brigpol Dua')).passed, '0/1');

  // Back in range: the outbox delivers, the board shows where trainee two is, and they finish.
  await two.context.setOffline(false);
  await two.page
    .getByTestId('classroom-status')
    .and(two.page.locator('[data-pending="0"]'))
    .waitFor({ timeout: 30_000 });
  assert.ok((await eventsOf('Brigpol Dua')) > before, 'the waiting records arrived');
  await waitForBoard(trainer.page, 'Brigpol Dua', '0/1', /DDS warga/);
  await playGuided(two.page);
  await two.page
    .getByTestId('classroom-status')
    .and(two.page.locator('[data-pending="0"]'))
    .waitFor({ timeout: 30_000 });
  await waitForBoard(trainer.page, 'Brigpol Dua', '1/1');

  // Every record on each phone is on the server, once.
  const trainees = await server.repo.listTrainees(id);
  const events = await server.repo.listEvents(id);
  for (const [page, name] of [
    [one.page, 'Bripka Satu'],
    [two.page, 'Brigpol Dua'],
  ]) {
    const trainee = trainees.find((t) => t.name === name);
    assert.ok(trainee, `${name} joined`);
    const onServer = events.filter((e) => e.traineeId === trainee.id).map((e) => e.id);
    const onDevice = await deviceStatementIds(page);
    assert.ok(onDevice.length >= SCENARIO.steps.length, `${name} has records on the phone`);
    assert.deepEqual([...onServer].sort(), [...onDevice].sort(), `${name}: phone = server`);
    assert.ok(
      events.some((e) => e.traineeId === trainee.id && e.module === SCENARIO.workflow && e.success),
      `${name} passed ${SCENARIO.workflow}`,
    );
  }

  // Closing the session: the export holds both trainees.
  const csv = await trainer.page.request.get(`${server.url}/trainer/sessions/${id}/export.csv`);
  assert.equal(csv.status(), 200);
  const text = await csv.text();
  assert.match(text, /Bripka Satu/);
  assert.match(text, /Brigpol Dua/);
  assert.match(text, new RegExp(SCENARIO.workflow));

  // On a shared phone, trainee one leaves the class: the app goes on without the classroom.
  await one.page.goto(`${server.url}/#/pengaturan`);
  one.page.once('dialog', (dialog) => dialog.accept());
  await one.page.getByTestId('leave-classroom').click();
  await one.page.waitForLoadState('load');
  await one.page.locator('main h1').first().waitFor();
  assert.equal(await one.page.getByTestId('classroom-status').count(), 0);
  assert.equal(await one.page.evaluate(() => localStorage.getItem('bosv2.classroom')), null);

  for (const d of [trainer, one, two]) {
    assert.deepEqual(d.errors, [], 'no page errors');
    await d.context.close();
  }
});
