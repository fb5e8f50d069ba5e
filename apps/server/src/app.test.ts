import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './app.js';
import {
  Browser,
  join as joinClass,
  readEvents,
  sendEvents,
  statement,
  TRAINER,
  trainerWithSession,
} from './testing/client.js';
import { TEST_STORES } from './testing/databases.js';

const expectProblem = async (res: Response, status: number, code: string) => {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ status, code, type: `urn:bosv2:problem:${code}` });
  expect(typeof body.title).toBe('string');
  return body;
};

describe.each(TEST_STORES)('the classroom API on $name', (store) => {
  let server: RunningServer;
  let base: string;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    const made = await store.create();
    dispose = made.dispose;
    server = await startServer({
      port: 0,
      dataDir: made.dataDir,
      databaseUrl: made.databaseUrl,
      mockModule: false,
      boardRefreshMs: 300,
      quiet: true,
    });
    base = server.url;
  });

  afterEach(async () => {
    await server.close();
    await dispose();
  });

  it('lets the first trainer log in with an HttpOnly session cookie, and refuses a wrong password', async () => {
    const browser = new Browser(base);
    expect(
      (await browser.fetch('/api/classroom/setup', { method: 'POST', json: TRAINER })).status,
    ).toBe(201);
    await expectProblem(
      await browser.fetch('/api/classroom/setup', {
        method: 'POST',
        json: { ...TRAINER, username: 'other' },
      }),
      409,
      'already-exists',
    );
    await expectProblem(
      await browser.fetch('/api/classroom/login', {
        method: 'POST',
        json: { username: TRAINER.username, password: 'wrong-password' },
      }),
      401,
      'invalid-credentials',
    );
    await expectProblem(await browser.fetch('/api/classroom/me'), 401, 'unauthenticated');
    const login = await browser.fetch('/api/classroom/login', {
      method: 'POST',
      json: { username: 'RAHMAT', password: TRAINER.password },
    });
    expect(login.status).toBe(200);
    const setCookie = login.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/bosv2_trainer=[^;]+; Path=\/; HttpOnly; SameSite=Strict/);
    const me = await browser.fetch('/api/classroom/me');
    expect(await me.json()).toMatchObject({ username: 'rahmat', displayName: 'Aiptu Rahmat' });
    expect(JSON.stringify(await (await browser.fetch('/api/classroom/me')).json())).not.toContain(
      'argon2',
    );
    await browser.fetch('/api/classroom/logout', { method: 'POST' });
    expect((await browser.fetch('/api/classroom/me')).status).toBe(401);
  });

  it('creates a session with a random join code that trainees use from their phones', async () => {
    const { trainer, session } = await trainerWithSession(base);
    expect(session.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(session.joinUrl).toBe(`${base}/j/${session.joinCode}`);
    const joined = await joinClass(base, session.joinCode.toLowerCase(), '  Budi   Santoso ');
    expect(joined.trainee.name).toBe('Budi Santoso');
    const me = await fetch(`${base}/api/classroom/trainee`, {
      headers: { authorization: `Bearer ${joined.token}` },
    });
    expect(await me.json()).toMatchObject({
      trainee: { id: joined.trainee.id },
      session: { id: session.id, modules: ['dds-warga', 'deteksi-dini'] },
      state: { drill: 'NONE', status: 'OPEN' },
    });
    const board = await (await trainer.fetch(`/api/classroom/sessions/${session.id}/board`)).json();
    expect(board.trainees.map((t: { name: string }) => t.name)).toEqual(['Budi Santoso']);
    const qr = await trainer.fetch(`/api/classroom/sessions/${session.id}/qr.svg`);
    expect(qr.headers.get('content-type')).toBe('image/svg+xml');
    expect(await qr.text()).toMatch(/^<svg/);
  });

  it('refuses an unknown, expired or closed join code, stores nobody, and rate-limits guessing', async () => {
    const { trainer, session } = await trainerWithSession(base);
    const tryJoin = (code: string) =>
      fetch(`${base}/api/classroom/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, name: 'Tamu' }),
      });
    const unknown = await expectProblem(await tryJoin('ZZZZZZ'), 400, 'validation-failed');
    expect(unknown.errors).toEqual([
      expect.objectContaining({ field: 'code', code: 'unknown-join-code' }),
    ]);
    await server.repo.setJoinCode(session.id, 'EXP234', '2020-01-01T00:00:00.000Z');
    const expired = await expectProblem(await tryJoin('EXP234'), 400, 'validation-failed');
    expect(expired.errors).toEqual([expect.objectContaining({ code: 'join-code-expired' })]);
    expect(await server.repo.listTrainees(session.id)).toEqual([]);
    const renewed = await (
      await trainer.fetch(`/api/classroom/sessions/${session.id}/join-code`, { method: 'POST' })
    ).json();
    expect(renewed.joinCode).not.toBe('EXP234');
    await trainer.fetch(`/api/classroom/sessions/${session.id}/close`, { method: 'POST' });
    await expectProblem(await tryJoin(renewed.joinCode), 400, 'validation-failed');
    let limited: Response | undefined;
    for (let i = 0; i < 12 && !limited; i++) {
      const res = await tryJoin('QQQQQQ');
      if (res.status === 429) limited = res;
      else await res.body?.cancel();
    }
    expect(limited).toBeDefined();
    const body = await expectProblem(limited as Response, 429, 'rate-limited');
    expect(Number((limited as Response).headers.get('retry-after'))).toBeGreaterThan(0);
    expect(body.code).toBe('rate-limited');
    expect(await server.repo.listTrainees(session.id)).toEqual([]);
  });

  it('counts a progress event once however often the outbox delivers it', async () => {
    const { trainer, session } = await trainerWithSession(base);
    const budi = await joinClass(base, session.joinCode, 'Budi');
    const events = [
      statement({ verb: 'attempted', result: undefined }),
      statement(),
      statement({
        verb: { id: 'http://adlnet.gov/expapi/verbs/passed' },
        result: {
          score: { raw: 9, max: 10 },
          success: true,
          completion: true,
          mistakes: ['keywords'],
        },
      }),
    ];
    expect(await sendEvents(base, budi.token, { events })).toMatchObject({
      status: 200,
      body: { accepted: 3, duplicates: 0 },
    });
    expect(await sendEvents(base, budi.token, events)).toMatchObject({
      status: 200,
      body: { accepted: 0, duplicates: 3 },
    });
    expect(await sendEvents(base, budi.token, events[1])).toMatchObject({
      body: { accepted: 0, duplicates: 1 },
    });
    expect(await server.repo.countEvents(session.id)).toBe(3);
    const board = await (await trainer.fetch(`/api/classroom/sessions/${session.id}/board`)).json();
    expect(board.totals.events).toBe(3);
    expect(board.trainees[0]).toMatchObject({
      name: 'Budi',
      currentModule: 'dds-warga',
      events: 3,
      passedModules: 1,
      mistakes: { description: 1, keywords: 1 },
      modules: { 'dds-warga': { attempts: 1, bestScore: 0.9, passed: true, completed: true } },
    });
  });

  it('pushes board updates to the trainer over server-sent events', async () => {
    const { trainer, session } = await trainerWithSession(base);
    const siti = await joinClass(base, session.joinCode, 'Siti');
    const seen = await readEvents(
      `${base}/api/classroom/sessions/${session.id}/board/stream`,
      trainer.cookieHeader(),
      (event, data) =>
        event === 'board' && (data as { totals: { events: number } }).totals.events === 2,
      () => {
        void sendEvents(base, siti.token, [
          statement(),
          statement({ object: { id: 'deteksi-dini' } }),
        ]);
      },
    );
    const last = seen.at(-1)?.data as { trainees: { currentModule: string }[] };
    expect(seen[0]?.data).toMatchObject({ totals: { events: 0, trainees: 1 } });
    expect(last.trainees[0]?.currentModule).toBeDefined();
  });

  it('sets a class-wide drill that each trainee page can read and follow live', async () => {
    const { trainer, session } = await trainerWithSession(base);
    const budi = await joinClass(base, session.joinCode, 'Budi');
    const budiBrowser = new Browser(base);
    const joined = await budiBrowser.fetch('/api/classroom/join', {
      method: 'POST',
      json: { code: session.joinCode, name: 'Budi HP kedua' },
    });
    expect(joined.headers.getSetCookie().join()).toMatch(
      /bosv2_trainee=.*HttpOnly; SameSite=Strict/,
    );
    const seen = await readEvents(
      `${base}/api/classroom/trainee/stream`,
      budiBrowser.cookieHeader(),
      (event, data) => event === 'state' && (data as { drill: string }).drill === 'OFFLINE',
      () => {
        void trainer.fetch(`/api/classroom/sessions/${session.id}/drill`, {
          method: 'PUT',
          json: { drill: 'OFFLINE' },
        });
      },
    );
    expect(seen[0]?.data).toMatchObject({ drill: 'NONE' });
    const state = await fetch(`${base}/api/classroom/trainee`, {
      headers: { authorization: `Bearer ${budi.token}` },
    });
    expect((await state.json()).state.drill).toBe('OFFLINE');
  });

  it('closes a session and exports every trainee to CSV, a printable report and certificates', async () => {
    const { trainer, session } = await trainerWithSession(base);
    const names = ['Budi', 'Siti Aminah', '=HYPERLINK("x")'];
    const trainees = [];
    for (const name of names) trainees.push(await joinClass(base, session.joinCode, name));
    await sendEvents(base, trainees[0]?.token as string, [
      statement({ verb: 'passed', result: { score: { scaled: 0.8 }, success: true } }),
    ]);
    const closed = await trainer.fetch(`/api/classroom/sessions/${session.id}/close`, {
      method: 'POST',
    });
    expect(await closed.json()).toMatchObject({ status: 'CLOSED', joinCode: null });
    const csv = await trainer.fetch(`/api/classroom/sessions/${session.id}/export.csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await csv.text();
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(1 + names.length);
    for (const t of trainees) expect(text).toContain(t.trainee.id);
    expect(text).toContain('Siti Aminah');
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[1]).toMatch(/,80,passed,/);
    const report = await trainer.fetch(`/trainer/sessions/${session.id}/report`);
    const html = await report.text();
    expect(html).toContain('Siti Aminah');
    expect(html).toContain('=HYPERLINK(&quot;x&quot;)');
    const certificates = await (
      await trainer.fetch(`/trainer/sessions/${session.id}/certificates`)
    ).text();
    expect(certificates.match(/class="certificate"/g)).toHaveLength(3);
    await expectProblem(
      await trainer.fetch(`/api/classroom/sessions/${session.id}/drill`, {
        method: 'PUT',
        json: { drill: 'SLOW' },
      }),
      409,
      'invalid-state',
    );
  });

  it('keeps one trainer out of another trainer’s sessions', async () => {
    const { trainer, session } = await trainerWithSession(base);
    const created = await trainer.fetch('/api/classroom/trainers', {
      method: 'POST',
      json: { username: 'kedua', displayName: 'Bripka Dua', password: 'password-kedua-1' },
    });
    expect(created.status).toBe(201);
    const other = new Browser(base);
    await other.fetch('/api/classroom/login', {
      method: 'POST',
      json: { username: 'kedua', password: 'password-kedua-1' },
    });
    await expectProblem(
      await other.fetch(`/api/classroom/sessions/${session.id}/board`),
      404,
      'not-found',
    );
    await expectProblem(
      await other.fetch(`/api/classroom/sessions/${session.id}/close`, { method: 'POST' }),
      404,
      'not-found',
    );
    expect((await server.repo.getSession(session.id))?.status).toBe('OPEN');
  });

  it('answers bad input on every endpoint with problem+json and stores nothing', async () => {
    const { trainer, session } = await trainerWithSession(base);
    const budi = await joinClass(base, session.joinCode, 'Budi');
    const auth = { authorization: `Bearer ${budi.token}` };
    const s = `/api/classroom/sessions/${session.id}`;
    const before = {
      sessions: (await server.repo.listSessions(session.id)).length,
      trainees: (await server.repo.listTrainees(session.id)).length,
      events: await server.repo.countEvents(session.id),
      trainers: await server.repo.countTrainers(),
      session: await server.repo.getSession(session.id),
    };
    const json = 'application/json';
    const cases: [
      string,
      string,
      string | undefined,
      string,
      number,
      string,
      'trainer' | 'anon' | 'trainee',
    ][] = [
      ['POST', '/api/classroom/setup', json, '{}', 400, 'validation-failed', 'anon'],
      ['POST', '/api/classroom/setup', json, '{', 400, 'malformed-request', 'anon'],
      ['POST', '/api/classroom/login', json, '[]', 400, 'validation-failed', 'anon'],
      [
        'POST',
        '/api/classroom/login',
        'text/plain',
        'hello',
        415,
        'unsupported-media-type',
        'anon',
      ],
      [
        'POST',
        '/api/classroom/trainers',
        json,
        '{"username":"x"}',
        400,
        'validation-failed',
        'trainer',
      ],
      [
        'POST',
        '/api/classroom/trainers',
        json,
        JSON.stringify({ ...TRAINER }),
        409,
        'already-exists',
        'trainer',
      ],
      ['POST', '/api/classroom/trainers', json, '{}', 401, 'unauthenticated', 'anon'],
      [
        'POST',
        '/api/classroom/sessions',
        json,
        '{"name":"x"}',
        400,
        'validation-failed',
        'trainer',
      ],
      [
        'POST',
        '/api/classroom/sessions',
        json,
        JSON.stringify({ name: 'a', place: 'b', date: '2026-02-30', modules: ['Bad Module!'] }),
        400,
        'validation-failed',
        'trainer',
      ],
      [
        'POST',
        '/api/classroom/sessions',
        json,
        JSON.stringify({ name: 'a', place: 'b', date: '2026-12-01', modules: ['no-such-module'] }),
        400,
        'validation-failed',
        'trainer',
      ],
      [
        'POST',
        '/api/classroom/sessions',
        json,
        `{"name":"${'x'.repeat(2 * 1024 * 1024)}"}`,
        413,
        'payload-too-large',
        'trainer',
      ],
      ['POST', '/api/classroom/sessions', json, '{}', 401, 'unauthenticated', 'anon'],
      ['GET', '/api/classroom/sessions/nope', undefined, '', 404, 'not-found', 'trainer'],
      ['PUT', `${s}/drill`, json, '{"drill":"EARTHQUAKE"}', 400, 'validation-failed', 'trainer'],
      ['PUT', `${s}/drill`, json, '{"drill":"OFFLINE"}', 401, 'unauthenticated', 'trainee'],
      ['POST', `${s}/drill`, json, '{"drill":"OFFLINE"}', 405, 'method-not-allowed', 'trainer'],
      ['POST', `${s}/close`, json, '', 401, 'unauthenticated', 'anon'],
      ['GET', `${s}/board/stream`, undefined, '', 401, 'unauthenticated', 'anon'],
      ['GET', `${s}/export.csv`, undefined, '', 401, 'unauthenticated', 'trainee'],
      ['POST', '/api/classroom/join', json, '{"code":"ABCDEF"}', 400, 'validation-failed', 'anon'],
      [
        'POST',
        '/api/classroom/join',
        json,
        JSON.stringify({ code: session.joinCode, name: 'a\u0000b' }),
        400,
        'validation-failed',
        'anon',
      ],
      [
        'POST',
        '/api/classroom/join',
        json,
        JSON.stringify({ code: session.joinCode, name: 'x'.repeat(61) }),
        400,
        'validation-failed',
        'anon',
      ],
      ['GET', '/api/classroom/trainee', undefined, '', 401, 'unauthenticated', 'anon'],
      [
        'POST',
        '/api/classroom/trainee/events',
        json,
        JSON.stringify([statement()]),
        401,
        'unauthenticated',
        'anon',
      ],
      ['POST', '/api/classroom/trainee/events', json, '{}', 400, 'validation-failed', 'trainee'],
      ['POST', '/api/classroom/trainee/events', json, '[]', 400, 'validation-failed', 'trainee'],
      ['POST', '/api/classroom/trainee/events', json, 'nope', 400, 'malformed-request', 'trainee'],
      [
        'POST',
        '/api/classroom/trainee/events',
        json,
        JSON.stringify([statement(), statement({ id: 'not-a-uuid' })]),
        400,
        'validation-failed',
        'trainee',
      ],
      [
        'POST',
        '/api/classroom/trainee/events',
        json,
        JSON.stringify([statement({ timestamp: 'yesterday' })]),
        400,
        'validation-failed',
        'trainee',
      ],
      [
        'POST',
        '/api/classroom/trainee/events',
        json,
        JSON.stringify([statement({ result: { score: { scaled: 7 } } })]),
        400,
        'validation-failed',
        'trainee',
      ],
      [
        'POST',
        '/api/classroom/trainee/events',
        json,
        JSON.stringify([statement({ object: {} })]),
        400,
        'validation-failed',
        'trainee',
      ],
      [
        'POST',
        '/api/classroom/trainee/events',
        json,
        JSON.stringify([statement({ verb: 42 })]),
        400,
        'validation-failed',
        'trainee',
      ],
      [
        'POST',
        '/api/classroom/trainee/events',
        json,
        JSON.stringify(Array.from({ length: 501 }, () => statement())),
        400,
        'validation-failed',
        'trainee',
      ],
      ['POST', '/api/classroom/nothing-here', json, '{}', 404, 'not-found', 'anon'],
      ['DELETE', '/api/classroom/join', undefined, '', 405, 'method-not-allowed', 'anon'],
      ['GET', '/api/v2/health', undefined, '', 503, 'service-unavailable', 'anon'],
    ];
    for (const [method, path, type, body, status, code, who] of cases) {
      const headers: Record<string, string> = { 'accept-language': 'en' };
      if (type) headers['content-type'] = type;
      if (who === 'trainee') Object.assign(headers, auth);
      const init = {
        method,
        headers,
        ...(method === 'GET' || method === 'DELETE' ? {} : { body }),
      };
      const res =
        who === 'trainer' ? await trainer.fetch(path, init) : await fetch(base + path, init);
      const problem = await expectProblem(res, status, code).catch((error: Error) => {
        throw new Error(`${method} ${path} ${body.slice(0, 80)}: ${error.message}`);
      });
      expect(res.headers.get('content-language')).toBe('en');
      if (code === 'validation-failed') expect(Array.isArray(problem.errors)).toBe(true);
    }
    expect({
      sessions: (await server.repo.listSessions(session.id)).length,
      trainees: (await server.repo.listTrainees(session.id)).length,
      events: await server.repo.countEvents(session.id),
      trainers: await server.repo.countTrainers(),
      session: await server.repo.getSession(session.id),
    }).toEqual(before);
    expect(
      (
        await server.repo.listSessions(
          (
            await server.repo.findTrainerByUsername('rahmat')
          )?.id as string,
        )
      ).length,
    ).toBe(1);
  });
});

describe('the pages and the parts served beside them', () => {
  let server: RunningServer;
  let dir: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bosv2-pages-'));
    const sandbox = join(dir, 'sandbox');
    mkdirSync(join(sandbox, 'assets'), { recursive: true });
    writeFileSync(
      join(sandbox, 'index.html'),
      '<!doctype html><title>Latihan</title><script>boot()</script><script src="/assets/app.js"></script>',
    );
    writeFileSync(join(sandbox, 'assets', 'app.js'), 'console.log(1)');
    const mock = join(dir, 'mock.mjs');
    writeFileSync(
      mock,
      `export function createMockRequestListener(options) {
        return (req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify({ mock: true, basePath: options.basePath, url: req.url })); };
      }`,
    );
    server = await startServer({
      port: 0,
      dataDir: join(dir, 'data'),
      sandboxDist: sandbox,
      contractDist: join(dir, 'no-contract'),
      mockModule: mock,
      slowDrillMs: 300,
    });
  });

  afterEach(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('routes /api/v2 to the mock listener', async () => {
    const res = await fetch(`${server.url}/api/v2/activities?limit=1`);
    expect(await res.json()).toEqual({
      mock: true,
      basePath: '/api/v2',
      url: '/api/v2/activities?limit=1',
    });
    expect(server.api).toBe('mock');
  });

  it('applies the class drill to the mock requests of a joined trainee, and to nobody else', async () => {
    const { trainer, session } = await trainerWithSession(server.url);
    const phone = new Browser(server.url);
    await phone.fetch('/api/classroom/join', {
      method: 'POST',
      json: { code: session.joinCode, name: 'Budi' },
    });
    const drill = (value: string) =>
      trainer.fetch(`/api/classroom/sessions/${session.id}/drill`, {
        method: 'PUT',
        json: { drill: value },
      });
    await drill('SERVER_ERROR');
    const failing = await phone.fetch('/api/v2/activities');
    expect(failing.status).toBe(503);
    expect(failing.headers.get('content-type')).toBe('application/problem+json');
    expect((await fetch(`${server.url}/api/v2/activities`)).status).toBe(200);
    await drill('OFFLINE');
    await expect(phone.fetch('/api/v2/activities')).rejects.toThrow();
    await drill('SLOW');
    const started = Date.now();
    expect((await phone.fetch('/api/v2/activities')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await drill('NONE');
    expect((await phone.fetch('/api/v2/activities')).status).toBe(200);
  });

  it('serves the sandbox with a same-origin CSP that allows its inline script by hash, and falls back to its index', async () => {
    const res = await fetch(`${server.url}/citizen/reports`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Latihan</title>');
    const csp = res.headers.get('content-security-policy') as string;
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    const asset = await fetch(`${server.url}/assets/app.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/..%2f..%2fpackage.json`)).status).not.toBe(200);
  });

  it('serves Indonesian pages by default with security headers, and English on request', async () => {
    const res = await fetch(`${server.url}/join`);
    const html = await res.text();
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('Gabung ke kelas');
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const en = await fetch(`${server.url}/join?lang=en`);
    expect(await en.text()).toContain('Join a class');
    expect(en.headers.getSetCookie().join()).toContain('bosv2_lang=en');
    expect(html).not.toMatch(/<script>(?!<)/);
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
  });

  it('shows the outreach presentation and an A4 handout whose QR leads to the citizen practice', async () => {
    const slides = await (await fetch(`${server.url}/outreach`)).text();
    expect(slides).toContain('Apa itu BOS V2?');
    expect(slides).toContain('Bhabinkamtibmas');
    expect(slides).toMatch(/<section class="slide"[^>]*>[\s\S]*<svg/);
    expect(slides).toContain(`${server.url}/outreach/practice`);
    const handout = await (await fetch(`${server.url}/outreach/handout?lang=en`)).text();
    expect(handout).toContain('Try it on your phone');
    expect(handout).toContain('<svg');
    const practice = await fetch(`${server.url}/outreach/practice`, { redirect: 'manual' });
    expect(practice.status).toBe(303);
    expect(practice.headers.get('location')).toBe('/?role=citizen');
  });

  it('says where the citizen practice will be while no sandbox is built', async () => {
    const bare = await startServer({
      port: 0,
      dataDir: join(dir, 'bare'),
      sandboxDist: join(dir, 'no-sandbox'),
      mockModule: false,
    });
    try {
      const practice = await fetch(`${bare.url}/outreach/practice`);
      expect(practice.status).toBe(200);
      expect(await practice.text()).toContain('belum terpasang');
      expect(await (await fetch(`${bare.url}/`)).text()).toContain('Konsol pelatih');
      expect(await (await fetch(`${bare.url}/joined`)).text()).toContain('belum terpasang');
    } finally {
      await bare.close();
    }
  });

  it('sends a new server to the first-account page, and the API reference to a clear 503 when not built', async () => {
    const trainer = await fetch(`${server.url}/trainer`, { redirect: 'manual' });
    expect(trainer.headers.get('location')).toBe('/trainer/setup');
    expect(await (await fetch(`${server.url}/trainer/setup`)).text()).toContain(
      'akun pelatih pertama',
    );
    const ref = await fetch(`${server.url}/reference/`);
    expect(ref.status).toBe(503);
    expect(ref.headers.get('content-type')).toBe('application/problem+json');
  });
});
