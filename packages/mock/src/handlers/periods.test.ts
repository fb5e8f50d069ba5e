import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UNIT_IDS } from '../store/seed.js';
import { startTestMock, type TestMock } from '../test-utils.js';

let t: TestMock;
let n = 0;
const key = () => ({ 'idempotency-key': `period-${++n}` });
beforeAll(async () => {
  t = await startTestMock();
});
afterEach(() => t.expectConformance());
afterAll(() => t.close());

describe('daily and monthly reports', () => {
  it('drafts a daily report from the day’s activities, once per day', async () => {
    const officer = await t.login('officer');
    const acts = await t.call('GET', '/activities?limit=100', { token: officer });
    const daily = await t.call('GET', '/daily-reports?limit=100', { token: officer });
    const taken = new Set(daily.body.items.map((d: { date: string }) => d.date));
    const date = acts.body.items
      .map((a: { date: string }) => a.date)
      .find((d: string) => !taken.has(d)) as string;
    const sameDay = acts.body.items.filter((a: { date: string }) => a.date === date).length;
    const created = await t.call('POST', '/daily-reports', {
      token: officer,
      body: { date },
      headers: key(),
    });
    expect(created.status).toBe(201);
    expect(created.body.activityIds.length).toBeGreaterThanOrEqual(sameDay);
    expect(created.body.summary.length).toBeGreaterThanOrEqual(50);
    const again = await t.call('POST', '/daily-reports', {
      token: officer,
      body: { date },
      headers: key(),
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already-exists');
  });

  it('drafts a monthly report with counts per activity type and submits it', async () => {
    const officer = await t.login('officer');
    const created = await t.call('POST', '/monthly-reports', {
      token: officer,
      body: { month: '2026-12' },
      headers: key(),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ month: '2026-12', status: 'DRAFT', activityCount: 0 });
    const submitted = await t.call('POST', `/monthly-reports/${created.body.id}/submit`, {
      token: officer,
    });
    expect(submitted.body.status).toBe('SUBMITTED');
  });
});

describe('unit reports', () => {
  it('go from a Polres to its Polda, which accepts or declines with a note', async () => {
    const kasat = await t.login('kasatBinmas');
    const created = await t.call('POST', '/unit-reports', {
      token: kasat,
      body: { unitId: UNIT_IDS.polres, periodKind: 'MONTHLY', period: '2026-11' },
      headers: key(),
    });
    expect(created.status).toBe(201);
    const missing = await t.call(
      'GET',
      `/unit-reports/missing?parentUnitId=${UNIT_IDS.polres}&periodKind=MONTHLY&period=2026-11`,
      { token: kasat },
    );
    expect(missing.body.items).toHaveLength(10);
    const id = created.body.id;
    expect(
      (await t.call('POST', `/unit-reports/${id}/accept`, { token: kasat, body: {} })).status,
    ).toBe(403);
    await t.call('POST', `/unit-reports/${id}/submit`, { token: kasat });
    const admin = await t.login('admin');
    const declined = await t.call('POST', `/unit-reports/${id}/decline`, {
      token: admin,
      body: { note: 'Lengkapi jumlah DDS per kecamatan.' },
    });
    expect(declined.body).toMatchObject({ status: 'DECLINED', decision: { status: 'DECLINED' } });
    await t.call('POST', `/unit-reports/${id}/submit`, { token: kasat });
    expect(
      (await t.call('POST', `/unit-reports/${id}/accept`, { token: admin, body: {} })).body.status,
    ).toBe('ACCEPTED');
  });
});
