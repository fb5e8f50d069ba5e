import { describe, expect, it } from 'vitest';
import { fakeFetch, json, problem } from '../fixtures/fake-fetch.js';
import type { operations as ReportTypes } from '../fixtures/reports.gen.js';
import { operations as reportOps } from '../fixtures/reports-operations.gen.js';
import { type ClientOptions, createClientFor } from './client.js';
import { isApiError, isAuthError, isNetworkError, isTimeoutError } from './errors/guards.js';
import { createClient } from './index.js';
import { operations as contractOps } from './operations.gen.js';
import { memoryTokenStore } from './token-store.js';

const baseUrl = 'http://127.0.0.1:4010/api/v2';
const activity = {
  id: '3f6c2a1e-8b4d-4c2a-9f1e-2b7d5c8a9e01',
  type: 'SAMBANG' as const,
  date: '2026-11-20',
  description: 'x'.repeat(50),
  status: 'DRAFT' as const,
};
const input = { type: 'SAMBANG' as const, date: '2026-11-20', description: 'x'.repeat(50) };

function client(fetch: typeof globalThis.fetch, options: Partial<ClientOptions> = {}) {
  return createClientFor<typeof reportOps, ReportTypes>(reportOps, {
    baseUrl,
    fetch,
    retry: { limit: 2, backoffMs: 0 },
    ...options,
  });
}

describe('createClient', () => {
  it('exposes every operation of the contract as client.<group>.<x-sdk-method>', () => {
    const c = createClient({ baseUrl }) as unknown as Record<string, Record<string, unknown>>;
    for (const op of Object.values(contractOps)) {
      const method = c[op.group]?.[op.name] as { operation?: unknown } | undefined;
      expect(typeof method, op.id).toBe('function');
      expect(method?.operation, op.id).toBe(op);
    }
  });

  it('groups the contract operations by their camelCase tag', () => {
    const c = createClient({ baseUrl });
    expect(typeof c.health.get).toBe('function');
    expect(typeof c.auth.officerLogin).toBe('function');
    expect(c.auth.me.operation).toMatchObject({ id: 'getMe', method: 'GET', path: '/me' });
  });

  it('fills path parameters, encodes them, sends the query and parses the JSON data', async () => {
    const f = fakeFetch(() => json(200, activity));
    const c = client(f.fetch);
    const data = await c.activities.get({ path: { activityId: 'a/b c' } });
    expect(data).toEqual(activity);
    expect(f.calls[0]?.url.pathname).toBe('/api/v2/activities/a%2Fb%20c');

    await c.activities.list({ query: { limit: 5, type: 'PATROLI', cursor: undefined } });
    expect(f.calls[1]?.url.search).toBe('?limit=5&type=PATROLI');
  });

  it('asks for problems in the chosen language, Bahasa Indonesia by default', async () => {
    const f = fakeFetch(() => json(200, { status: 'ok' }));
    await client(f.fetch).health.get();
    await client(f.fetch, { locale: 'en' }).health.get();
    expect(f.calls.map((c) => c.headers.get('accept-language'))).toEqual(['id', 'en']);
  });

  it('gives creates a fresh UUID Idempotency-Key and keeps it on every retry', async () => {
    let n = 0;
    const f = fakeFetch(() =>
      ++n < 3 ? problem(503, 'service-unavailable') : json(201, activity),
    );
    const c = client(f.fetch);
    await c.activities.create({ body: input });
    expect(f.calls).toHaveLength(3);
    const keys = f.calls.map((x) => x.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
    expect(f.calls.map((x) => JSON.parse(x.body))).toEqual([input, input, input]);

    await c.activities.create({ body: input });
    expect(f.calls[3]?.headers.get('idempotency-key')).not.toBe(keys[0]);
    await c.activities.create({ body: input }, { idempotencyKey: 'mine-1' });
    expect(f.calls[4]?.headers.get('idempotency-key')).toBe('mine-1');
  });

  it('retries reads on network errors, 408, 429 with Retry-After, and 5xx', async () => {
    const answers = [
      () => Promise.reject(new TypeError('fetch failed')),
      () => problem(429, 'rate-limited', {}),
      () => json(200, activity),
    ];
    const f = fakeFetch(() => {
      const next = answers.shift();
      if (!next) throw new Error('too many calls');
      return next();
    });
    const c = client(f.fetch, { retry: { limit: 3, backoffMs: 0 } });
    await expect(c.activities.get({ path: { activityId: '1' } })).resolves.toEqual(activity);
    expect(f.calls).toHaveLength(3);

    const statuses = [408, 500, 502, 504];
    const g = fakeFetch(() => {
      const s = statuses.shift();
      return s ? problem(s, 'server-error') : json(200, activity);
    });
    await client(g.fetch, { retry: { limit: 4, backoffMs: 0 } }).activities.get({
      path: { activityId: '1' },
    });
    expect(g.calls).toHaveLength(5);
  });

  it('waits for Retry-After before repeating a 429', async () => {
    let n = 0;
    const f = fakeFetch(() =>
      n++ === 0
        ? json(429, { code: 'rate-limited' }, { 'retry-after': '0.2' })
        : json(200, { status: 'ok' }),
    );
    const started = Date.now();
    await client(f.fetch).health.get();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(f.calls).toHaveLength(2);
  });

  it('retries an update guarded by If-Match, replaying its body', async () => {
    let n = 0;
    const f = fakeFetch(() => (n++ === 0 ? problem(502, 'server-error') : json(200, activity)));
    await client(f.fetch).activities.replace({
      path: { activityId: '1' },
      headers: { 'If-Match': '"v1"' },
      body: input,
    });
    expect(f.calls.map((c) => [c.method, c.headers.get('if-match'), JSON.parse(c.body)])).toEqual([
      ['PUT', '"v1"', input],
      ['PUT', '"v1"', input],
    ]);
  });

  it('passes ky hooks through', async () => {
    const seen: string[] = [];
    const f = fakeFetch(() => json(200, { status: 'ok' }));
    await client(f.fetch, {
      hooks: {
        beforeRequest: [(req) => void req.headers.set('x-trace', 't-1')],
        afterResponse: [(_req, _opts, res) => void seen.push(String(res.status))],
      },
    }).health.get();
    expect(f.calls[0]?.headers.get('x-trace')).toBe('t-1');
    expect(seen).toEqual(['200']);
  });

  it('never retries other 4xx, nor a POST without an Idempotency-Key', async () => {
    const f = fakeFetch(() => problem(404, 'not-found'));
    await expect(client(f.fetch).activities.get({ path: { activityId: '1' } })).rejects.toThrow();
    expect(f.calls).toHaveLength(1);

    const g = fakeFetch(() => problem(503, 'service-unavailable'));
    await expect(
      client(g.fetch).activities.submit({ path: { activityId: '1' } }),
    ).rejects.toThrow();
    expect(g.calls).toHaveLength(1);

    const h = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    await expect(
      client(h.fetch).activities.submit({ path: { activityId: '1' } }),
    ).rejects.toThrow();
    expect(h.calls).toHaveLength(1);
  });

  it('does not retry when retry is turned off', async () => {
    const f = fakeFetch(() => problem(503, 'service-unavailable'));
    await expect(client(f.fetch, { retry: 0 }).health.get()).rejects.toThrow();
    expect(f.calls).toHaveLength(1);
    const g = fakeFetch(() => problem(503, 'service-unavailable'));
    await expect(client(g.fetch).health.get(undefined, { retry: false })).rejects.toThrow();
    expect(g.calls).toHaveLength(1);
  });

  it('throws an ApiError with the parsed problem, the request and the response', async () => {
    const errors = [{ field: 'description', code: 'description-too-short', message: 'pendek' }];
    const f = fakeFetch(() =>
      problem(400, 'validation-failed', { title: 'Data tidak valid', errors }),
    );
    const error = await client(f.fetch)
      .activities.create({ body: input })
      .catch((e: unknown) => e);
    expect(isApiError(error)).toBe(true);
    if (!isApiError(error)) return;
    expect(error.name).toBe('ApiError');
    expect(error.status).toBe(400);
    expect(error.problem.code).toBe('validation-failed');
    expect(error.problem.errors).toEqual(errors);
    expect(error.request.method).toBe('POST');
    expect(error.response.status).toBe(400);
    expect(error.message).toContain('POST http://127.0.0.1:4010/api/v2/activities');
  });

  it('makes a problem from the status when the error body is not problem+json', async () => {
    const f = fakeFetch(() => new Response('<h1>Bad gateway</h1>', { status: 502 }));
    const error = await client(f.fetch, { retry: 0 })
      .health.get()
      .catch((e: unknown) => e);
    expect(isApiError(error) && error.problem).toMatchObject({
      status: 502,
      code: 'server-error',
      type: 'urn:bosv2:problem:server-error',
      detail: '<h1>Bad gateway</h1>',
    });

    const g = fakeFetch(() => json(403, { title: 'Proxy says no', status: 403 }));
    const foreign = await client(g.fetch)
      .health.get()
      .catch((e: unknown) => e);
    expect(isApiError(foreign) && foreign.problem).toMatchObject({
      title: 'Proxy says no',
      code: 'http-403',
      type: 'urn:bosv2:problem:http-403',
    });
  });

  it('throws NetworkError and TimeoutError with the original error as cause', async () => {
    const cause = new TypeError('fetch failed');
    const f = fakeFetch(() => Promise.reject(cause));
    const error = await client(f.fetch, { retry: 0 })
      .health.get()
      .catch((e: unknown) => e);
    expect(isNetworkError(error)).toBe(true);
    expect((error as Error).cause).toBe(cause);
    expect((error as Error).message).toContain('GET http://127.0.0.1:4010/api/v2/health');

    const slow = fakeFetch(
      (req) =>
        new Promise((_, reject) =>
          req.signal.addEventListener('abort', () => reject(req.signal.reason)),
        ),
    );
    const timeout = await client(slow.fetch, { retry: 0, timeoutMs: 20 })
      .health.get()
      .catch((e: unknown) => e);
    expect(isTimeoutError(timeout)).toBe(true);
    expect((timeout as Error).cause).toMatchObject({ name: 'TimeoutError' });
  });

  it('retries timeouts of reads', async () => {
    let n = 0;
    const f = fakeFetch((req) =>
      n++ === 0
        ? new Promise((_, reject) =>
            req.signal.addEventListener('abort', () => reject(req.signal.reason)),
          )
        : json(200, { status: 'ok' }),
    );
    await expect(client(f.fetch, { timeoutMs: 20 }).health.get()).resolves.toEqual({
      status: 'ok',
    });
    expect(f.calls).toHaveLength(2);
  });

  it('lets the caller abort with its own signal, and passes that abort through', async () => {
    const f = fakeFetch(
      (req) =>
        new Promise((_, reject) =>
          req.signal.addEventListener('abort', () => reject(req.signal.reason)),
        ),
    );
    const controller = new AbortController();
    const pending = client(f.fetch).health.get(undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('gone')), 5);
    await expect(pending).rejects.toThrow('gone');
    expect(f.calls).toHaveLength(1);
  });

  it('returns { data, error, response } from .safe() instead of throwing', async () => {
    const ok = await client(fakeFetch(() => json(200, { status: 'ok' })).fetch).health.get.safe();
    expect(ok.data).toEqual({ status: 'ok' });
    expect(ok.error).toBeUndefined();
    expect(ok.response?.status).toBe(200);

    const bad = await client(fakeFetch(() => problem(404, 'not-found')).fetch).activities.get.safe({
      path: { activityId: '1' },
    });
    expect(bad.data).toBeUndefined();
    expect(bad.error?.name).toBe('ApiError');
    expect(bad.response?.status).toBe(404);

    const down = await client(fakeFetch(() => Promise.reject(new TypeError('x'))).fetch, {
      retry: 0,
    }).health.get.safe();
    expect(down.error?.name).toBe('NetworkError');
    expect(down.response).toBeUndefined();
  });

  it('gives the raw response with request(), for ETag and Location', async () => {
    const f = fakeFetch(() => json(200, activity, { etag: '"v1"' }));
    const { data, response } = await client(f.fetch).request('getActivity', {
      path: { activityId: '1' },
    });
    expect(data).toEqual(activity);
    expect(response.headers.get('etag')).toBe('"v1"');
    await expect(client(f.fetch).request('nope')).rejects.toThrow('Unknown operation: nope');
  });

  it('sends If-Match on updates and nothing for a 204', async () => {
    const f = fakeFetch((req) =>
      req.method === 'DELETE' ? new Response(null, { status: 204 }) : json(200, activity),
    );
    const c = client(f.fetch);
    await c.activities.replace({
      path: { activityId: '1' },
      headers: { 'If-Match': '"v1"' },
      body: input,
    });
    expect(f.calls[0]?.headers.get('if-match')).toBe('"v1"');
    await expect(c.activities.delete({ path: { activityId: '1' } })).resolves.toBeUndefined();
  });

  it('iterates every item of a cursor list with paginate()', async () => {
    const pages: Record<string, { items: unknown[]; nextCursor: string | null }> = {
      '': {
        items: [
          { ...activity, id: 'a' },
          { ...activity, id: 'b' },
        ],
        nextCursor: 'p2',
      },
      p2: { items: [{ ...activity, id: 'c' }], nextCursor: 'p3' },
      p3: { items: [], nextCursor: null },
    };
    const f = fakeFetch((req) =>
      json(200, pages[new URL(req.url).searchParams.get('cursor') ?? '']),
    );
    const c = client(f.fetch);
    const ids: string[] = [];
    for await (const a of c.paginate(c.activities.list, { query: { limit: 2 } })) ids.push(a.id);
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(f.calls.map((x) => x.url.search)).toEqual([
      '?limit=2',
      '?limit=2&cursor=p2',
      '?limit=2&cursor=p3',
    ]);
  });

  it('uploads multipart bodies with the file, and reports progress up to 100%', async () => {
    const f = fakeFetch(async (req) => {
      const form = await req.formData();
      const file = form.get('file') as File;
      return json(201, { id: 'f1', size: file.size, kind: form.get('kind') });
    });
    const progress: number[] = [];
    const photo = new Blob([new Uint8Array(200_000)], { type: 'image/jpeg' });
    const data = await client(f.fetch).attachments.upload(
      { body: { file: photo, kind: 'PHOTO' } },
      { onUploadProgress: (p) => progress.push(p.percent) },
    );
    expect(data).toMatchObject({ id: 'f1', size: 200_000 });
    expect(f.calls[0]?.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(f.calls[0]?.headers.get('idempotency-key')).toBeTruthy();
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(1);
  });
});

describe('auth', () => {
  const session = (n: number) => ({
    accessToken: `at_${n}`,
    refreshToken: `rt_${n}`,
    tokenType: 'Bearer',
    expiresIn: 900,
    user: { id: 'u', role: 'bhabinkamtibmas', name: 'Bripka Rahmat' },
  });

  it('logs in with NRP or email, keeps the session and sends the bearer token', async () => {
    const f = fakeFetch((req) => {
      const path = new URL(req.url).pathname;
      if (path.endsWith('/auth/officer-login')) return json(200, session(1));
      if (path.endsWith('/auth/citizen-login')) return json(200, session(2));
      return json(200, activity);
    });
    const store = memoryTokenStore();
    const c = client(f.fetch, { auth: { store } });
    await c.login({ nrp: '85061234', password: 'latihan-bos-v2' });
    expect(JSON.parse(f.calls[0]?.body ?? '')).toEqual({
      nrp: '85061234',
      password: 'latihan-bos-v2',
    });
    expect(f.calls[0]?.headers.get('authorization')).toBeNull();
    await c.activities.get({ path: { activityId: '1' } });
    expect(f.calls[1]?.headers.get('authorization')).toBe('Bearer at_1');
    await c.health.get();
    expect(f.calls[2]?.headers.get('authorization')).toBeNull();

    await c.login({ email: 'siti@contoh.id', password: 'rahasia-siti-2026' });
    expect(f.calls[3]?.url.pathname).toBe('/api/v2/auth/citizen-login');
    expect((await store.get())?.accessToken).toBe('at_2');
  });

  it('refreshes once for many requests that get 401 together, then replays them', async () => {
    let refreshes = 0;
    const f = fakeFetch(async (req) => {
      const path = new URL(req.url).pathname;
      if (path.endsWith('/auth/refresh')) {
        refreshes++;
        await new Promise((r) => setTimeout(r, 10));
        return json(200, session(2));
      }
      return req.headers.get('authorization') === 'Bearer at_2'
        ? json(200, activity)
        : problem(401, 'token-expired');
    });
    const store = memoryTokenStore(session(1));
    const c = client(f.fetch, { auth: { store } });
    const results = await Promise.all(
      [1, 2, 3, 4].map((i) => c.activities.get({ path: { activityId: String(i) } })),
    );
    expect(results).toHaveLength(4);
    expect(refreshes).toBe(1);
    const refresh = f.calls.find((x) => x.url.pathname.endsWith('/auth/refresh'));
    expect(JSON.parse(refresh?.body ?? '')).toEqual({ refreshToken: 'rt_1' });
    expect((await store.get())?.accessToken).toBe('at_2');
  });

  it('replays with the new token, without refreshing again, when another request refreshed', async () => {
    const store = memoryTokenStore(session(1));
    let refreshes = 0;
    const f = fakeFetch(async (req) => {
      if (new URL(req.url).pathname.endsWith('/auth/refresh')) {
        refreshes++;
        return json(200, session(2));
      }
      if (req.headers.get('authorization') === 'Bearer at_2') return json(200, activity);
      // The session is renewed elsewhere while this request is on its way.
      await store.set(session(2));
      return problem(401, 'token-expired');
    });
    await client(f.fetch, { auth: { store } }).activities.get({ path: { activityId: '1' } });
    expect(refreshes).toBe(0);
    expect(f.calls.map((c) => c.headers.get('authorization'))).toEqual([
      'Bearer at_1',
      'Bearer at_2',
    ]);
  });

  it('throws AuthError and clears the session when the refresh fails', async () => {
    const f = fakeFetch((req) =>
      new URL(req.url).pathname.endsWith('/auth/refresh')
        ? problem(401, 'unauthenticated')
        : problem(401, 'token-expired'),
    );
    const store = memoryTokenStore(session(1));
    const c = client(f.fetch, { auth: { store } });
    const errors = await Promise.all(
      [1, 2].map((i) => c.activities.get({ path: { activityId: String(i) } }).catch((e) => e)),
    );
    for (const e of errors) {
      expect(isAuthError(e)).toBe(true);
      expect(isApiError((e as Error).cause)).toBe(true);
    }
    expect(f.calls.filter((x) => x.url.pathname.endsWith('/auth/refresh'))).toHaveLength(1);
    expect(await store.get()).toBeNull();
  });

  it('throws AuthError without calling refresh when there is no refresh token', async () => {
    const f = fakeFetch(() => problem(401, 'token-expired'));
    const store = memoryTokenStore({ accessToken: 'at_1' });
    const error = await client(f.fetch, { auth: { store } })
      .activities.get({ path: { activityId: '1' } })
      .catch((e) => e);
    expect(isAuthError(error)).toBe(true);
    expect(f.calls).toHaveLength(1);
  });

  it('passes a 401 through as ApiError when no one is logged in', async () => {
    const f = fakeFetch(() => problem(401, 'invalid-credentials'));
    const error = await createClient({ baseUrl, fetch: f.fetch })
      .auth.officerLogin({ body: { nrp: '85061234', password: 'salah-sekali' } })
      .catch((e) => e);
    expect(isApiError(error) && error.problem.code).toBe('invalid-credentials');
  });

  it('logs out on the server and clears the store even when that fails', async () => {
    const f = fakeFetch(() => Promise.reject(new TypeError('offline')));
    const store = memoryTokenStore(session(1));
    await expect(client(f.fetch, { auth: { store } }).logout()).rejects.toThrow();
    expect(JSON.parse(f.calls[0]?.body ?? '')).toEqual({ refreshToken: 'rt_1' });
    expect(await store.get()).toBeNull();
  });
});
