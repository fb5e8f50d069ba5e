import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../store/seed.js';
import { startTestMock, type TestMock } from '../test-utils.js';

let t: TestMock;
beforeAll(async () => {
  t = await startTestMock();
});
afterEach(() => t.expectConformance());
afterAll(() => t.close());

const MURUNG_SARI = '63.08.05.1002';
const PALAMPITAN_HULU = '63.08.05.2012';

describe('who is the Bhabinkamtibmas of a desa', () => {
  it('follows an officer’s new assignments in the public lookup', async () => {
    const token = await t.login('officer');
    const me = DEMO_ACCOUNTS.officer.id;
    // The public view names the officer (with rank), never their id.
    const lookup = async (desaCode: string) => {
      const res = await t.call('GET', `/public/officers?desaCode=${desaCode}`);
      const items = res.body.items as { name: string }[];
      return items.some((o) => o.name.endsWith(DEMO_ACCOUNTS.officer.name));
    };
    expect(await lookup(MURUNG_SARI)).toBe(true);
    expect(await lookup(PALAMPITAN_HULU)).toBe(false);

    const replace = async (desaCodes: string[]) => {
      const current = await t.call('GET', `/officers/${me}/assignments`, { token });
      const res = await t.call('PUT', `/officers/${me}/assignments`, {
        token,
        body: { desaCodes },
        headers: { 'if-match': current.headers.get('etag') ?? '' },
      });
      expect(res.status).toBe(200);
    };
    await replace([MURUNG_SARI, PALAMPITAN_HULU]);
    expect(await lookup(PALAMPITAN_HULU)).toBe(true);
    await replace([PALAMPITAN_HULU]);
    expect(await lookup(MURUNG_SARI)).toBe(false);
    expect(await lookup(PALAMPITAN_HULU)).toBe(true);
  });
});
