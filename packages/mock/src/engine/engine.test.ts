import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestMock, type TestMock } from '../test-utils.js';

let t: TestMock;
beforeAll(async () => {
  t = await startTestMock();
});
afterEach(() => t.expectConformance());
afterAll(() => t.close());

describe('the engine', () => {
  it('answers the health check', async () => {
    const res = await t.call('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
  });

  it('answers an unknown path with 404 not-found as problem+json', async () => {
    const res = await t.call('GET', '/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body).toMatchObject({
      type: 'urn:bosv2:problem:not-found',
      code: 'not-found',
      status: 404,
    });
  });

  it('answers a known path with the wrong method with 405 and an Allow header', async () => {
    const res = await t.call('DELETE', '/health');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
    expect(res.body.code).toBe('method-not-allowed');
  });

  it('refuses malformed JSON with 400 malformed-request', async () => {
    const res = await t.call('POST', '/auth/officer-login', { body: '{"nrp": "8506' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('malformed-request');
  });

  it('refuses a body of the wrong content type with 415', async () => {
    const res = await t.call('POST', '/auth/officer-login', {
      body: 'nrp=85061234',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('unsupported-media-type');
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await t.call('POST', '/auth/officer-login', {
      body: JSON.stringify({ nrp: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload-too-large');
  });

  it('names each invalid field with a dotted path, in Indonesian by default', async () => {
    const res = await t.call('POST', '/auth/officer-login', { body: { nrp: '123', extra: 1 } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation-failed');
    expect(res.body.title).toBe('Data tidak valid');
    const fields = res.body.errors.map(
      (e: { field: string; code: string }) => `${e.field}:${e.code}`,
    );
    expect(fields).toEqual(
      expect.arrayContaining(['nrp:pattern', 'password:required', 'extra:additionalProperties']),
    );
    expect(res.body.errors.find((e: { code: string }) => e.code === 'required').message).toBe(
      'Wajib diisi.',
    );
  });

  it('speaks English when Accept-Language asks for it', async () => {
    const res = await t.call('POST', '/auth/officer-login', {
      body: { nrp: '123' },
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(res.body.title).toBe('Invalid data');
    expect(res.body.errors.find((e: { code: string }) => e.code === 'required').message).toBe(
      'Required.',
    );
  });

  it('validates query parameters and names them query.<name>', async () => {
    const res = await t.call('GET', '/regions?limit=500&level=PLANET');
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['query.limit', 'query.level']));
  });

  it('refuses a cursor it did not issue', async () => {
    const res = await t.call('GET', '/regions?cursor=bogus');
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'query.cursor', code: 'cursor' });
  });

  it('pages with cursors until nextCursor is null', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      // biome-ignore lint/suspicious/noExplicitAny: JSON answers of tests are read loosely
      const res: { status: number; body: any } = await t.call(
        'GET',
        `/regions?level=KECAMATAN&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((r: { name: string }) => r.name));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(10);
    expect(seen).toContain('Amuntai Tengah');
  });

  it('asks for a token on a protected operation (401) and checks the role (403)', async () => {
    expect((await t.call('GET', '/me')).status).toBe(401);
    expect((await t.call('GET', '/me', { token: 'at_unknown' })).body.code).toBe('unauthenticated');
    const citizen = await t.login('citizen');
    const res = await t.call('GET', '/units', { token: citizen });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
  });

  it('records every request in a bounded journal', async () => {
    await t.call('GET', '/health');
    const res = await fetch(`${t.mock.origin}/__mock/requests?limit=1`);
    const body = (await res.json()) as { items: { path: string; status: number }[] };
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ path: '/api/v2/health', status: 200 });
  });
});
