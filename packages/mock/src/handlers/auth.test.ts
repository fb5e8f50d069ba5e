import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../store/seed.js';
import { startTestMock, type TestMock } from '../test-utils.js';

let t: TestMock;
let clock = Date.parse('2026-11-28T08:00:00Z');
beforeAll(async () => {
  t = await startTestMock({ now: () => clock });
});
afterEach(() => t.expectConformance());
afterAll(() => t.close());

describe('logging in', () => {
  it('logs the demo officer in with NRP and password and returns who they are', async () => {
    const res = await t.call('POST', '/auth/officer-login', {
      body: { nrp: '85061234', password: 'latihan-bos-v2' },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      role: 'bhabinkamtibmas',
      nrp: '85061234',
      name: DEMO_ACCOUNTS.officer.name,
    });
    expect(res.body.user.assignments[0]).toMatchObject({
      desaCode: '63.08.05.1002',
      desaName: 'Murung Sari',
      kecamatanName: 'Amuntai Tengah',
    });
    const me = await t.call('GET', '/me', { token: res.body.accessToken });
    expect(me.body.id).toBe(DEMO_ACCOUNTS.officer.id);
  });

  it('logs every demo role in', async () => {
    for (const who of [
      'supervisor',
      'kasatBinmas',
      'trainer',
      'admin',
      'citizen',
      'unassignedOfficer',
    ] as const) {
      await expect(t.login(who)).resolves.toMatch(/^at_/);
    }
  });

  it('refuses a wrong password with 401 invalid-credentials', async () => {
    const res = await t.call('POST', '/auth/officer-login', {
      body: { nrp: '75030001', password: 'salah-sandi-1' },
    });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('invalid-credentials');
  });

  it('locks an NRP for 15 minutes after five failures (429 with Retry-After)', async () => {
    const attempt = (password: string) =>
      t.call('POST', '/auth/officer-login', { body: { nrp: '80020001', password } });
    for (let i = 0; i < 5; i++) expect((await attempt('salah-sandi-1')).status).toBe(401);
    const locked = await attempt('latihan-bos-v2');
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('rate-limited');
    expect(Number(locked.headers.get('retry-after'))).toBe(900);
    clock += 15 * 60_000 + 1000;
    expect((await attempt('latihan-bos-v2')).status).toBe(200);
  });

  it('expires access tokens (token-expired) and rotates refresh tokens', async () => {
    const login = await t.call('POST', '/auth/citizen-login', {
      body: { email: 'siti.aminah@contoh.id', password: 'rahasia-siti-2026' },
    });
    clock += 3601_000;
    const expired = await t.call('GET', '/me', { token: login.body.accessToken });
    expect(expired.body.code).toBe('token-expired');
    const refreshed = await t.call('POST', '/auth/refresh', {
      body: { refreshToken: login.body.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    expect((await t.call('GET', '/me', { token: refreshed.body.accessToken })).status).toBe(200);
    const reused = await t.call('POST', '/auth/refresh', {
      body: { refreshToken: login.body.refreshToken },
    });
    expect(reused.status).toBe(401);
  });

  it('ends the session on logout', async () => {
    const token = await t.login('trainer');
    expect((await t.call('POST', '/auth/logout', { token })).status).toBe(204);
    expect((await t.call('GET', '/me', { token })).status).toBe(401);
  });

  it('registers a citizen once and refuses the same email again (409 already-exists)', async () => {
    const body = {
      name: 'Nur Hasanah',
      email: 'nur.hasanah@contoh.id',
      password: 'rahasia-nur-2026',
      desaCode: '63.08.05.1002',
    };
    const first = await t.call('POST', '/auth/citizen-register', {
      body,
      headers: { 'idempotency-key': 'reg-1' },
    });
    expect(first.status).toBe(201);
    expect(first.body.user.role).toBe('citizen');
    const again = await t.call('POST', '/auth/citizen-register', {
      body,
      headers: { 'idempotency-key': 'reg-2' },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already-exists');
  });
});

describe('regions, units and officers', () => {
  it('lists the 10 kecamatan and 219 desa/kelurahan of Hulu Sungai Utara', async () => {
    const kec = await t.call('GET', '/regions?level=KECAMATAN&limit=100');
    expect(kec.body.items).toHaveLength(10);
    let count = 0;
    for (const k of kec.body.items) {
      const desa = await t.call('GET', `/regions?parentCode=${k.code}&limit=100`);
      count += desa.body.items.length;
    }
    expect(count).toBe(219);
    expect((await t.call('GET', '/regions/63.08.05.1002')).body.name).toBe('Murung Sari');
    expect((await t.call('GET', '/regions/63.08.99')).status).toBe(404);
  });

  it('finds the Bhabinkamtibmas of a desa without an account', async () => {
    const res = await t.call('GET', '/public/officers?desaCode=63.08.05.1002');
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      name: `Bripka ${DEMO_ACCOUNTS.officer.name}`,
      unitName: 'Polsek Amuntai Tengah',
    });
  });

  it('shows a supervisor only the officers of the units under theirs', async () => {
    const kanit = await t.login('supervisor');
    const res = await t.call('GET', '/officers?limit=100', { token: kanit });
    expect(res.status).toBe(200);
    const units = new Set(res.body.items.map((o: { unitId: string }) => o.unitId));
    expect([...units]).toEqual(['5c4b3a29-1807-4f6e-8d5c-4b3a29180706']);
    const kasat = await t.login('kasatBinmas');
    const all = await t.call('GET', '/officers?limit=100', { token: kasat });
    expect(new Set(all.body.items.map((o: { unitId: string }) => o.unitId)).size).toBeGreaterThan(
      5,
    );
  });

  it('lets an officer read their own record but not a colleague’s (403)', async () => {
    const token = await t.login('officer');
    expect((await t.call('GET', `/officers/${DEMO_ACCOUNTS.officer.id}`, { token })).status).toBe(
      200,
    );
    expect(
      (await t.call('GET', `/officers/${DEMO_ACCOUNTS.unassignedOfficer.id}`, { token })).status,
    ).toBe(403);
  });

  it('replaces an assigned area only with the current ETag (428, 412, then 200)', async () => {
    const token = await t.login('unassignedOfficer');
    const path = `/officers/${DEMO_ACCOUNTS.unassignedOfficer.id}/assignments`;
    const read = await t.call('GET', path, { token });
    expect(read.body.items).toEqual([]);
    const etag = read.headers.get('etag') as string;
    const body = { desaCodes: ['63.08.05.2006'] };
    expect((await t.call('PUT', path, { token, body })).status).toBe(428);
    expect(
      (await t.call('PUT', path, { token, body, headers: { 'if-match': '"999"' } })).status,
    ).toBe(412);
    const ok = await t.call('PUT', path, { token, body, headers: { 'if-match': etag } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).not.toBe(etag);
    const outside = await t.call('PUT', path, {
      token,
      body: { desaCodes: ['63.08.01.2003'] },
      headers: { 'if-match': ok.headers.get('etag') as string },
    });
    expect(outside.status).toBe(422);
    expect(outside.body.code).toBe('outside-assigned-area');
  });
});
