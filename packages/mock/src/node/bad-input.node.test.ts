import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrng, type Prng } from '../engine/prng.js';
import { resolvePointer } from '../engine/spec.js';
import { createFactories } from '../factories.js';
import { startTestMock, type TestMock } from '../test-utils.js';

/**
 * The bad-input test: at least 10,000 generated malformed requests (wrong types, missing fields,
 * huge and truncated bodies, invalid JSON, wrong content types, unknown and hostile ids, bad
 * parameters and headers) against the HTTP server. None may get a 5xx, every refusal must be
 * problem+json, and the server must still answer afterwards.
 */
const TOTAL = 10_500;
const CONCURRENCY = 24;

interface Req {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

const HOSTILE_IDS = [
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  "'%20OR%201%3D1--",
  '__proto__',
  'constructor',
  'x'.repeat(3000),
  '%E2%80%AE%F0%9F%92%A5',
  '%ZZ',
  '00000000-0000-0000-0000-000000000000',
  '-1',
  '1e309',
  '%7B%7D',
  'null',
];
const BAD_TYPES = [
  'application/xml',
  'text/plain',
  'multipart/form-data',
  'application/x-www-form-urlencoded',
  'image/png',
  'application/jsonx',
  '',
];
const WRONG_VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  true,
  '',
  'x'.repeat(6000),
  [],
  [1, 2],
  {},
  { $ref: '#/' },
  '2026-13-45',
  '\u0000',
  '<script>alert(1)</script>',
  1e308,
];

function mutate(value: unknown, rng: Prng, depth = 0): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && depth < 4) {
    const obj = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(obj);
    const roll = rng.int(0, 9);
    if (keys.length && roll < 3) {
      delete obj[rng.pick(keys)];
      return obj;
    }
    if (roll === 3) {
      obj[rng.pick(['__proto__', 'unknownField', 'constructor', ''])] = rng.pick(WRONG_VALUES);
      return obj;
    }
    if (keys.length) {
      const k = rng.pick(keys);
      obj[k] = rng.int(0, 2) === 0 ? mutate(obj[k], rng, depth + 1) : rng.pick(WRONG_VALUES);
    }
    return obj;
  }
  if (Array.isArray(value) && value.length && depth < 4) {
    const arr = [...value];
    arr[rng.int(0, arr.length - 1)] = mutate(arr[0], rng, depth + 1);
    if (rng.int(0, 3) === 0) for (let i = 0; i < 40; i++) arr.push(arr[0]);
    return arr;
  }
  return rng.pick(WRONG_VALUES);
}

describe('the HTTP server under bad input', () => {
  let t: TestMock;
  const tokens: string[] = [];
  beforeAll(async () => {
    t = await startTestMock();
    for (const who of ['officer', 'supervisor', 'citizen', 'admin'] as const)
      tokens.push(await t.login(who));
  });
  afterAll(() => t.close());

  it(`never answers 5xx to ${TOTAL} malformed requests, refuses each with problem+json, and keeps answering`, async () => {
    const rng = createPrng(20261128);
    const engine = t.mock.engine;
    const make = createFactories({ spec: engine.doc, seed: 9 });
    const ops = engine.ops;
    const validBodies = new Map<string, unknown>();
    for (const op of ops) {
      const pointer = op.requestBody?.content['application/json'];
      if (!pointer) continue;
      const ref = (resolvePointer(engine.doc, pointer) as { $ref?: string } | undefined)?.$ref;
      const name = ref?.startsWith('#/components/schemas/') ? ref.slice(21) : null;
      try {
        if (name) validBodies.set(op.operationId, make.build(name as never));
      } catch {
        validBodies.set(op.operationId, {});
      }
    }
    const fill = (path: string, id: () => string) => path.replace(/\{[^}]+\}/g, id);

    const generate = (i: number): Req => {
      const op = ops[i % ops.length] as (typeof ops)[number];
      const headers: Record<string, string> = {};
      const auth = rng.int(0, 5);
      if (auth < 4) headers.authorization = `Bearer ${tokens[auth]}`;
      else if (auth === 4)
        headers.authorization = rng.pick([
          'Bearer',
          'Basic abc',
          `Bearer ${'x'.repeat(500)}`,
          'Bearer at_00',
        ]);
      if (rng.int(0, 1))
        headers['idempotency-key'] = rng.pick(['k', 'x'.repeat(200), '', `fuzz-${i}`]);
      if (rng.int(0, 3) === 0)
        headers['if-match'] = rng.pick(['"1"', '*', 'garbage', '"9999"', 'W/"2"']);
      if (rng.int(0, 4) === 0)
        headers['accept-language'] = rng.pick(['en', 'id', 'xx;q=abc', ',,,', 'en;q=2, id;q=-1']);
      if (rng.int(0, 9) === 0)
        headers['x-mock-fault'] = rng.pick([
          'meteor',
          'latency=',
          '5xx=418',
          'offline@7',
          'x'.repeat(600),
        ]);
      let path = fill(op.path, () =>
        rng.int(0, 2) === 0 ? crypto.randomUUID() : rng.pick(HOSTILE_IDS),
      );
      let method = op.method.toUpperCase();
      const kind = rng.int(0, 11);
      let body: Buffer | undefined;
      const valid = validBodies.get(op.operationId);
      switch (kind) {
        case 0: // unknown path
          path = `/${rng.pick(['nope', 'activities/x/y/z', '..', '%2e%2e', 'admin', 'api/v3'])}/${rng.pick(HOSTILE_IDS)}`;
          break;
        case 1: // wrong method
          method = rng.pick(['PATCH', 'DELETE', 'PUT', 'POST', 'TRACE']);
          break;
        case 2: // bad query parameters
          path += `?limit=${rng.pick(['abc', '-1', '0', '101', '1e3', ''])}&cursor=${rng.pick(['', '%00', 'bogus', 'x'.repeat(300)])}&status=${rng.pick(['NOPE', '', 'DRAFT'])}&desaCode=${rng.pick(['63', 'x', '63.08.05.1002'])}&from=${rng.pick(['2026-02-30', 'kemarin'])}`;
          break;
        case 3: // invalid JSON
          body = Buffer.from(
            rng.pick([
              '{',
              '{"a":',
              'null',
              '[]',
              '"x"',
              '{"a":1}}',
              '\u0000\u0001',
              '{"nrp": 85061234}',
              '['.repeat(5000),
              'undefined',
              'NaN',
            ]),
          );
          headers['content-type'] = 'application/json';
          break;
        case 4: // truncated valid JSON
          {
            const text = JSON.stringify(valid ?? { a: 1 });
            body = Buffer.from(text.slice(0, rng.int(0, Math.max(0, text.length - 1))));
            headers['content-type'] = 'application/json';
          }
          break;
        case 5: // wrong content type
          body = Buffer.from(JSON.stringify(valid ?? {}));
          headers['content-type'] = rng.pick(BAD_TYPES);
          break;
        case 6: // huge body (sometimes), or a broken multipart upload
          if (rng.int(0, 3) === 0) {
            body = Buffer.from(
              JSON.stringify({ description: 'x'.repeat(rng.pick([1_100_000, 2_000_000])) }),
            );
            headers['content-type'] = 'application/json';
          } else {
            method = 'POST';
            path = '/attachments';
            const boundary = 'fuzz';
            const part = rng.pick([
              `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nPHOTO\r\n--${boundary}--\r\n`,
              `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.exe"\r\nContent-Type: application/x-msdownload\r\n\r\nMZ\r\n--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nPHOTO\r\n--${boundary}--\r\n`,
              `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff\r\n--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nMEME\r\n--${boundary}--\r\n`,
              `--${boundary}\r\ngarbage`,
              'not multipart at all',
            ]);
            body = Buffer.from(part, 'latin1');
            headers['content-type'] =
              rng.int(0, 4) === 0
                ? 'multipart/form-data'
                : `multipart/form-data; boundary=${boundary}`;
          }
          break;
        case 7: // invalid UTF-8
          body = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
          headers['content-type'] = 'application/json; charset=utf-8';
          break;
        default: // schema-breaking JSON: wrong types, missing and unknown fields
          body = Buffer.from(JSON.stringify(mutate(valid ?? {}, rng)));
          headers['content-type'] = 'application/json';
      }
      if (method === 'GET' || method === 'HEAD') body = undefined;
      return { method, path: `${engine.basePath}${path}`, headers, ...(body ? { body } : {}) };
    };

    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const send = (r: Req) =>
      new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
        const req = request(
          {
            host: t.mock.host,
            port: t.mock.port,
            method: r.method,
            path: r.path,
            headers: {
              ...r.headers,
              ...(r.body ? { 'content-length': String(r.body.length) } : {}),
            },
            agent,
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                type: String(res.headers['content-type'] ?? ''),
                body: Buffer.concat(chunks).toString('utf8'),
              }),
            );
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(r.body);
      });

    const failures: string[] = [];
    const counts = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < TOTAL) {
        const i = next++;
        const r = generate(i);
        let res: { status: number; type: string; body: string };
        try {
          res = await send(r);
        } catch (error) {
          failures.push(
            `${r.method} ${r.path.slice(0, 80)}: connection error ${(error as Error).message}`,
          );
          continue;
        }
        counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
        if (res.status >= 500)
          failures.push(
            `${r.method} ${r.path.slice(0, 80)} → ${res.status} ${res.body.slice(0, 300)}`,
          );
        else if (res.status >= 400) {
          let code: unknown;
          try {
            code = JSON.parse(res.body).code;
          } catch {}
          if (res.type !== 'application/problem+json' || typeof code !== 'string')
            failures.push(
              `${r.method} ${r.path.slice(0, 80)} → ${res.status} not problem+json: ${res.type} ${res.body.slice(0, 100)}`,
            );
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    agent.destroy();

    expect(failures.slice(0, 20)).toEqual([]);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(10_000);
    // Every kind of refusal was exercised.
    for (const status of [400, 401, 404, 405, 413, 415])
      expect(counts.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
    // Still answering, and nothing it answered broke the contract.
    expect((await t.call('GET', '/health')).status).toBe(200);
    t.expectConformance();
  }, 120_000);
});
