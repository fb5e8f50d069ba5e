import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DESA } from '../store/seed.js';
import { startTestMock, type TestMock } from '../test-utils.js';

let t: TestMock;
beforeAll(async () => {
  t = await startTestMock();
});
afterEach(() => t.expectConformance());
afterAll(() => t.close());

const report = {
  title: 'Balap liar setiap malam Minggu',
  category: 'BALAP_LIAR',
  description:
    'Setiap malam Minggu sekitar pukul 23.00 ada belasan remaja balap liar di depan pasar; hampir menabrak pejalan kaki.',
  location: { desaCode: DEMO_DESA, address: 'Jl. Empu Jatmika depan Pasar Amuntai' },
  anonymous: true,
};

describe('a citizen report', () => {
  it('goes SENT → RECEIVED → IN_PROGRESS → RESOLVED with a message the citizen reads at each step', async () => {
    const citizen = await t.login('citizen');
    const officer = await t.login('officer');
    const created = await t.call('POST', '/citizen-reports', {
      token: citizen,
      body: report,
      headers: { 'idempotency-key': 'cr-1' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'SENT', citizenName: 'Siti Aminah' });
    expect(created.body.trackingCode).toMatch(/^BOS-\d{4}-\d{6}$/);
    const id = created.body.id;

    // Anonymous: the officer does not see the name.
    const seen = await t.call('GET', `/citizen-reports/${id}`, { token: officer });
    expect(seen.body.citizenName).toBeNull();

    const bad = await t.call('POST', `/citizen-reports/${id}/transitions`, {
      token: officer,
      body: { to: 'RESOLVED', message: 'Sudah selesai ditangani.' },
    });
    expect(bad.status).toBe(409);
    expect(bad.body.code).toBe('invalid-state');

    await t.call('POST', `/citizen-reports/${id}/transitions`, {
      token: officer,
      body: { to: 'RECEIVED', message: 'Laporan diterima, akan kami cek.' },
    });
    const noLink = await t.call('POST', `/citizen-reports/${id}/transitions`, {
      token: officer,
      body: { to: 'IN_PROGRESS', message: 'Kami patroli malam ini.' },
    });
    expect(noLink.status).toBe(400);

    const mine = await t.call('GET', '/activities?type=DETEKSI_DINI&limit=1', { token: officer });
    const linkedActivityId = mine.body.items[0].id;
    const wrongLink = await t.call('POST', `/citizen-reports/${id}/transitions`, {
      token: officer,
      body: {
        to: 'IN_PROGRESS',
        message: 'Kami patroli malam ini.',
        linkedActivityId: crypto.randomUUID(),
      },
    });
    expect(wrongLink.body.code).toBe('invalid-reference');
    const going = await t.call('POST', `/citizen-reports/${id}/transitions`, {
      token: officer,
      body: { to: 'IN_PROGRESS', message: 'Kami patroli malam ini.', linkedActivityId },
    });
    expect(going.body).toMatchObject({ status: 'IN_PROGRESS', linkedActivityId });
    await t.call('POST', `/citizen-reports/${id}/transitions`, {
      token: officer,
      body: { to: 'RESOLVED', message: 'Pelaku balap liar sudah dibina bersama orang tuanya.' },
    });

    const responses = await t.call('GET', `/citizen-reports/${id}/responses`, { token: citizen });
    expect(responses.body.items.map((r: { status: string }) => r.status)).toEqual([
      'SENT',
      'RECEIVED',
      'IN_PROGRESS',
      'RESOLVED',
    ]);
    expect(responses.body.items[1].authorName).toBe('Bripka Rahmat Hidayat');
  });

  it('is visible to its citizen and not to another citizen', async () => {
    const citizen = await t.login('citizen');
    const list = await t.call('GET', '/citizen-reports?limit=100', { token: citizen });
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(new Set(list.body.items.map((r: { citizenId: string }) => r.citizenId)).size).toBe(1);
    const reg = await t.call('POST', '/auth/citizen-register', {
      body: {
        name: 'Ahmad Fauzi',
        email: 'ahmad.fauzi@contoh.id',
        password: 'rahasia-ahmad-1',
        desaCode: DEMO_DESA,
      },
      headers: { 'idempotency-key': 'reg-ahmad' },
    });
    const other = reg.body.accessToken;
    expect(
      (await t.call('GET', `/citizen-reports/${list.body.items[0].id}`, { token: other })).status,
    ).toBe(404);
    expect((await t.call('GET', '/citizen-reports', { token: other })).body.items).toEqual([]);
  });

  it('comes seeded in every state', async () => {
    const admin = await t.login('admin');
    const list = await t.call('GET', '/citizen-reports?limit=100', { token: admin });
    expect(new Set(list.body.items.map((r: { status: string }) => r.status))).toEqual(
      new Set(['SENT', 'RECEIVED', 'IN_PROGRESS', 'RESOLVED', 'REJECTED']),
    );
  });
});
