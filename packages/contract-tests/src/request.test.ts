import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { buildHttpRequest, fillPath, send, toCurl } from './request.js';
import type { Operation } from './spec.js';

const op: Operation = {
  operationId: 'createThing',
  method: 'post',
  path: '/things/{thingId}',
  roles: ['bhabinkamtibmas'],
  public: false,
  parameters: [
    { name: 'thingId', in: 'path', required: true, schema: { type: 'string' }, pointer: '#/x' },
    { name: 'tag', in: 'query', required: false, schema: { type: 'array' }, pointer: '#/x' },
    {
      name: 'Idempotency-Key',
      in: 'header',
      required: true,
      schema: { type: 'string' },
      pointer: '#/x',
    },
  ],
  requestBody: { required: true, content: [{ mediaType: 'application/json', pointer: '#/x' }] },
  responses: [],
};

describe('requests', () => {
  it('fills and encodes path parameters', () => {
    expect(fillPath('/a/{id}/b', { id: 'x/y z' })).toBe('/a/x%2Fy%20z/b');
  });

  it('serializes query arrays, the token and a fresh Idempotency-Key per request', () => {
    const gen = {
      path: { thingId: 't1' },
      query: { tag: ['a', 'b'] },
      headers: { 'Idempotency-Key': 'k' },
      hasBody: true,
      body: { n: 1 },
      mediaType: 'application/json',
    };
    const a = buildHttpRequest(op, gen, { baseUrl: 'http://127.0.0.1:1/api/v2/', token: 'T' });
    const b = buildHttpRequest(op, gen, { baseUrl: 'http://127.0.0.1:1/api/v2/', token: 'T' });
    expect(a.url).toBe('http://127.0.0.1:1/api/v2/things/t1?tag=a&tag=b');
    expect(a.headers.authorization).toBe('Bearer T');
    expect(a.body).toBe('{"n":1}');
    expect(a.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers['idempotency-key']).not.toBe(b.headers['idempotency-key']);
  });

  it('keeps a deliberately broken Idempotency-Key as it is', () => {
    const gen = {
      path: { thingId: 't1' },
      query: {},
      headers: { 'Idempotency-Key': '' },
      hasBody: false,
      mutation: { location: 'header' as const, name: 'Idempotency-Key', description: 'too short' },
    };
    expect(buildHttpRequest(op, gen, { baseUrl: 'http://h' }).headers['idempotency-key']).toBe('');
  });

  it('prints a curl command that survives quotes and hides the token', () => {
    const curl = toCurl({
      method: 'POST',
      url: 'http://h/x',
      headers: { authorization: 'Bearer secret', 'content-type': 'application/json' },
      body: `{"a":"it's"}`,
    });
    expect(curl).toBe(
      `curl -i -X POST 'http://h/x' -H "Authorization: Bearer $BOSV2_TOKEN" -H 'content-type: application/json' --data-raw '{"a":"it'\\''s"}'`,
    );
    expect(curl).not.toContain('secret');
  });

  it('sends JSON and multipart bodies and times the answer', async () => {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            type: req.headers['content-type'],
            body: Buffer.concat(chunks).toString(),
          }),
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const json = await send({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json' },
        body: '{"a":1}',
      });
      expect(json.json).toEqual({ type: 'application/json', body: '{"a":1}' });
      expect(json.elapsedMs).toBeGreaterThan(0);
      const form = await send({
        method: 'POST',
        url,
        headers: {},
        body: {
          parts: [
            { name: 'kind', value: 'PHOTO' },
            { name: 'file', value: 'xyz', filename: 'file.jpeg', type: 'image/jpeg' },
          ],
        },
      });
      const echoed = form.json as { type: string; body: string };
      expect(echoed.type).toMatch(/^multipart\/form-data; boundary=/);
      expect(echoed.body).toContain('name="kind"\r\n\r\nPHOTO');
      expect(echoed.body).toContain('filename="file.jpeg"\r\ncontent-type: image/jpeg');
    } finally {
      server.close();
    }
  });
});
