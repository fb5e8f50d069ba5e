import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestMock, type TestMock } from '../test-utils.js';
import { isoWeekRange } from './analytics.js';

let t: TestMock;
beforeAll(async () => {
  t = await startTestMock();
});
afterEach(() => t.expectConformance());
afterAll(() => t.close());

describe('analytics', () => {
  it('finds the Monday and Sunday of an ISO week', () => {
    expect(isoWeekRange('2026-W47')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(isoWeekRange('2021-W01')).toEqual({ from: '2021-01-04', to: '2021-01-10' });
  });

  it('counts filed activities by type over a period, for the supervisor’s units only', async () => {
    const kasat = await t.login('kasatBinmas');
    const kanit = await t.login('supervisor');
    const q = '/analytics/counts?groupBy=activityType&from=2026-10-01&to=2026-11-30';
    const all = await t.call('GET', q, { token: kasat });
    const mine = await t.call('GET', q, { token: kanit });
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThan(mine.body.total);
    expect(
      all.body.buckets.reduce((n: number, b: { count: number }) => n + b.count, 0),
    ).toBeLessThanOrEqual(all.body.total);
    const byRegion = await t.call(
      'GET',
      '/analytics/counts?groupBy=region&from=2026-10-01&to=2026-11-30',
      { token: kasat },
    );
    expect(byRegion.body.buckets.every((b: { key: string }) => b.key.startsWith('63.08.'))).toBe(
      true,
    );
  });

  it('ranks officers by weekly activity tier and lists trending keywords', async () => {
    const admin = await t.login('admin');
    const tiers = await t.call('GET', '/analytics/activity-tiers?week=2026-W46', { token: admin });
    expect(tiers.status).toBe(200);
    const { AKTIF, CUKUP, KURANG } = tiers.body.summary;
    expect(AKTIF + CUKUP + KURANG).toBe(tiers.body.items.length);
    const trending = await t.call(
      'GET',
      '/analytics/trending-keywords?from=2026-11-01&to=2026-11-20&limit=5',
      { token: admin },
    );
    expect(trending.body.items.length).toBeLessThanOrEqual(5);
    const keywords = await t.call('GET', '/keywords?q=nar', { token: await t.login('officer') });
    expect(keywords.body.items.map((k: { keyword: string }) => k.keyword)).toContain('narkoba');
  });
});
