import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockEngine } from '../node.js';
import { startTestMock, type TestMock } from '../test-utils.js';

describe('the seeded state', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = createMockEngine({ seed: 5 });
    const b = createMockEngine({ seed: 5 });
    const c = createMockEngine({ seed: 6 });
    const names = (e: ReturnType<typeof createMockEngine>) =>
      Object.values(e.store.state.users).map((u) => `${u.nrp ?? u.email} ${u.name}`);
    expect(names(a)).toEqual(names(b));
    expect(names(a)).not.toEqual(names(c));
    expect(JSON.stringify(a.snapshot().collections)).toEqual(
      JSON.stringify(b.snapshot().collections),
    );
  });

  it('saves only the collections read when a snapshot need not be complete', async () => {
    const live = createMockEngine({ seed: 3 });
    live.store.collection('citizenReports');
    const partial = live.snapshot({ complete: false });
    const saved = Object.keys(partial.collections);
    expect(saved).toContain('citizenReports');
    const all = Object.keys(live.snapshot().collections);
    expect(all.length).toBeGreaterThan(saved.length);
    expect(all).toEqual(expect.arrayContaining(saved));
    // Restored, the missing collections are seeded when first read, as the live server's were.
    const restored = createMockEngine({ seed: 3 });
    restored.restore(partial);
    const fresh = createMockEngine({ seed: 3 });
    fresh.store.collection('citizenReports');
    expect(JSON.stringify(restored.snapshot().collections)).toEqual(
      JSON.stringify(fresh.snapshot().collections),
    );
  });

  it('has a Bhabinkamtibmas for every desa, with 8-digit NRPs, and a Polsek per kecamatan', () => {
    const e = createMockEngine({ seed: 1 });
    const users = Object.values(e.store.state.users);
    const officers = users.filter((u) => u.role === 'bhabinkamtibmas');
    const covered = new Set(officers.flatMap((o) => o.assignments.map((a) => a.desaCode)));
    expect(covered.size).toBe(219);
    for (const u of users) if (u.nrp) expect(u.nrp).toMatch(/^\d{8}$/);
    expect(Object.values(e.store.state.units).filter((u) => u.level === 'POLSEK')).toHaveLength(10);
  });
});

describe('the admin API', () => {
  let t: TestMock;
  beforeAll(async () => {
    t = await startTestMock();
  });
  afterAll(() => t.close());

  it('saves the state and restores it after a reset', async () => {
    const token = await t.login('citizen');
    const body = {
      title: 'Jembatan kayu rusak',
      category: 'LAINNYA',
      description:
        'Jembatan kayu penghubung RT 02 dan RT 03 patah di tengah sehingga warga harus memutar jauh.',
      location: { desaCode: '63.08.05.1002' },
    };
    const created = await t.call('POST', '/citizen-reports', {
      token,
      body,
      headers: { 'idempotency-key': 'admin-1' },
    });
    const saved = await (await fetch(`${t.mock.origin}/__mock/state`)).json();
    expect((await fetch(`${t.mock.origin}/__mock/reset`, { method: 'POST' })).status).toBe(200);
    // The reset dropped the sessions and the report.
    expect((await t.call('GET', `/citizen-reports/${created.body.id}`, { token })).status).toBe(
      401,
    );
    const put = await fetch(`${t.mock.origin}/__mock/state`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(saved),
    });
    expect(put.status).toBe(200);
    const back = await t.call('GET', `/citizen-reports/${created.body.id}`, { token });
    expect(back.status).toBe(200);
    expect(back.body.title).toBe('Jembatan kayu rusak');
    t.expectConformance();
  });

  it('refuses a damaged state with 400 and keeps the state it had', async () => {
    const token = await t.login('citizen');
    const created = await t.call('POST', '/citizen-reports', {
      token,
      body: {
        title: 'Lampu jalan padam',
        category: 'LAINNYA',
        description:
          'Lampu jalan di ujung gang RT 04 padam sejak seminggu sehingga jalan gelap dan rawan pada malam hari.',
        location: { desaCode: '63.08.05.1002' },
      },
      headers: { 'idempotency-key': 'admin-2' },
    });
    expect(created.status).toBe(201);
    for (const damaged of [
      { format: 'bosv2-mock-state@1', seed: 1 },
      { format: 'bosv2-mock-state@1', seed: 1, units: {}, users: [], sessions: {} },
      { format: 'bosv2-mock-state@1', seed: 'x', units: {}, users: {}, sessions: {} },
      { format: 'something-else' },
      [],
    ]) {
      const put = await fetch(`${t.mock.origin}/__mock/state`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(damaged),
      });
      expect(put.status).toBe(400);
      expect(put.headers.get('content-type')).toBe('application/problem+json');
    }
    const still = await t.call('GET', `/citizen-reports/${created.body.id}`, { token });
    expect(still.status).toBe(200);
    expect(still.body.title).toBe('Lampu jalan padam');
  });

  it('keeps the request journal bounded', async () => {
    for (let i = 0; i < 250; i++) await t.call('GET', '/health');
    const body = await (await fetch(`${t.mock.origin}/__mock/requests?limit=1000`)).json();
    expect(body.items.length).toBe(200);
  });

  it('tells which operations have domain handlers', async () => {
    const info = await (await fetch(`${t.mock.origin}/__mock/info`)).json();
    expect(info.handled).toContain('createActivity');
    expect(info.handled).toContain('transitionCitizenReport');
  });
});
