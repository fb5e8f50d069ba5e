import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContractSpec } from '../node/load-spec.js';
import { createMockEngine } from '../node.js';
import { startTestMock, type TestMock } from '../test-utils.js';
import { parsePrefer } from './prefer.js';
import type { OpenApiDocument } from './types.js';

let t: TestMock;
const tokens: Record<string, string> = {};
const ACCOUNT_OF_ROLE = {
  bhabinkamtibmas: 'officer',
  supervisor: 'supervisor',
  trainer: 'trainer',
  admin: 'admin',
  citizen: 'citizen',
} as const;

beforeAll(async () => {
  // strict: an answer that breaks the contract becomes a 500 and fails the checks below.
  t = await startTestMock();
  for (const [role, account] of Object.entries(ACCOUNT_OF_ROLE))
    tokens[role] = await t.login(account);
});
afterAll(() => t.close());

/** A concrete path for an operation's template (ids need not exist: nothing is looked up). */
const concrete = (path: string) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) =>
    /code/i.test(name) ? '63.08.05.1002' : '7a4c1a9e-3f2b-4d5c-8e6f-0a1b2c3d4e5f',
  );

describe('Prefer: code=', () => {
  it('answers every declared status of every operation, conforming to the contract', async () => {
    const ops = t.mock.engine.ops;
    let checked = 0;
    for (const op of ops) {
      const role = op.roles[0] ?? 'bhabinkamtibmas';
      const token = op.isPublic ? undefined : tokens[role];
      for (const status of Object.keys(op.responses).filter((s) => /^\d{3}$/.test(s))) {
        const res = await t.call(op.method.toUpperCase(), concrete(op.path), {
          ...(token ? { token } : {}),
          headers: { prefer: `code=${status}` },
        });
        expect(res.status, `${op.operationId} ${status}: ${JSON.stringify(res.body)}`).toBe(
          Number(status),
        );
        expect(res.headers.get('preference-applied')).toBe(`code=${status}`);
        checked++;
      }
    }
    t.expectConformance();
    expect(checked).toBeGreaterThan(300);
  }, 60_000);

  it('answers a problem+json with the code of the status, and changes nothing', async () => {
    const before = await t.call('GET', '/citizen-reports?limit=100', { token: tokens.citizen });
    const res = await t.call('POST', '/citizen-reports', {
      token: tokens.citizen,
      headers: { prefer: 'code=409', 'accept-language': 'en' },
      body: { title: 'x' },
    });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.status).toBe(409);
    expect(res.body.type).toMatch(/^urn:bosv2:problem:/);
    const after = await t.call('GET', '/citizen-reports?limit=100', { token: tokens.citizen });
    expect(after.body.items).toEqual(before.body.items);
    t.expectConformance();
  });

  it('sends the headers the declared answer carries: ETag, Location, Retry-After', async () => {
    const one = await t.call('GET', `/activities/${concrete('{activityId}')}`, {
      token: tokens.bhabinkamtibmas,
      headers: { prefer: 'code=200' },
    });
    expect(one.status).toBe(200);
    expect(one.headers.get('etag')).toBe('"1"');
    const created = await t.call('POST', '/citizen-reports', {
      token: tokens.citizen,
      headers: { prefer: 'code=201' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v2/citizen-reports/${created.body.id}`);
    const limited = await t.call('POST', '/auth/officer-login', {
      headers: { prefer: 'code=429' },
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    t.expectConformance();
  });

  it('keeps authentication and roles truthful', async () => {
    const anon = await t.call('GET', '/activities', { headers: { prefer: 'code=200' } });
    expect(anon.status).toBe(401);
    const citizen = await t.call('GET', '/activities', {
      token: tokens.citizen,
      headers: { prefer: 'code=200' },
    });
    expect(citizen.status).toBe(403);
  });

  it('refuses a status the operation does not declare, or no status at all, with 400', async () => {
    const undeclared = await t.call('GET', '/health', { headers: { prefer: 'code=418' } });
    expect(undeclared.status).toBe(400);
    expect(undeclared.body.errors[0]).toMatchObject({ field: 'header.Prefer', code: 'enum' });
    expect(undeclared.body.errors[0].message).toContain('418');
    const bad = await t.call('GET', '/health', { headers: { prefer: 'code=abc' } });
    expect(bad.status).toBe(400);
    const unknownExample = await t.call('GET', '/health', {
      headers: { prefer: 'example=no-such-example' },
    });
    expect(unknownExample.status).toBe(400);
    // Preferences the mock does not know are ignored (RFC 7240).
    const ignored = await t.call('GET', '/health', {
      headers: { prefer: 'respond-async, wait=5' },
    });
    expect(ignored.status).toBe(200);
    expect(ignored.headers.get('preference-applied')).toBeNull();
  });
});

describe('Prefer: example=', () => {
  it("answers the named example of the operation's responses", async () => {
    const doc = structuredClone(loadContractSpec()) as OpenApiDocument & {
      paths: Record<
        string,
        { get: { responses: Record<string, { content: Record<string, object> }> } }
      >;
    };
    const degraded = { status: 'degraded', version: '9.9.9', time: '2026-11-20T09:30:00+08:00' };
    const content = doc.paths['/health']?.get.responses['200']?.content['application/json'] as {
      examples?: object;
    };
    content.examples = { degraded: { summary: 'A slow database', value: degraded } };
    const engine = createMockEngine({ spec: doc, validateResponses: 'strict' });
    const ask = (prefer: string) =>
      engine.handle({
        method: 'GET',
        pathname: '/api/v2/health',
        query: new URLSearchParams(),
        headers: { prefer },
        body: null,
      });
    const res = await ask('example=degraded');
    expect(res.response.status).toBe(200);
    expect(JSON.parse(String(res.response.body))).toEqual(degraded);
    expect(res.response.headers['preference-applied']).toBe('example=degraded');
    expect((await ask('code=200, example=degraded')).response.status).toBe(200);
    expect((await ask('code=503, example=degraded')).response.status).toBe(400);
    expect((await ask('example=healthy')).response.status).toBe(400);
    expect(engine.violations).toEqual([]);
  });
});

describe('parsePrefer', () => {
  it('reads code and example among other preferences', () => {
    expect(parsePrefer('code=404')).toEqual({ code: 404 });
    expect(parsePrefer('respond-async, code=201; x=1, example="siti"')).toEqual({
      code: 201,
      example: 'siti',
    });
    expect(parsePrefer('return=minimal')).toBeNull();
    expect(parsePrefer(undefined)).toBeNull();
    expect(parsePrefer('code=4040')).toEqual({ error: 'code=4040 is not an HTTP status.' });
  });
});
