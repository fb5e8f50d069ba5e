import { beforeAll, describe, expect, it } from 'vitest';
import { SPEC_PATH } from '../test/fixtures/server.js';
import { type CheckName, responseChecks } from './checks.js';
import type { HttpResponse } from './request.js';
import { findResponse, listOperations, loadSpec, type Operation } from './spec.js';
import { Validator } from './validator.js';

let validator: Validator;
let ops: Operation[];
beforeAll(async () => {
  const doc = await loadSpec({ spec: SPEC_PATH });
  validator = new Validator(doc);
  ops = listOperations(doc);
});

const op = (id: string) => ops.find((o) => o.operationId === id) as Operation;
const patrol = {
  id: '3f6c2a1e-8b4d-4c2a-9f1e-2b7d5c8a9e01',
  status: 'DRAFT',
  createdAt: '2026-11-20T09:30:00+08:00',
  date: '2026-11-20',
  desaCode: '63.08.01.1001',
  kind: 'MOTOR',
  participants: 2,
  description: 'Patroli malam di sekitar pasar Amuntai.',
};

function failures(
  id: string,
  response: Partial<HttpResponse>,
  limit = 1000,
): Partial<Record<CheckName, string>> {
  const full: HttpResponse = { status: 200, headers: {}, text: '', elapsedMs: 5, ...response };
  if (full.json !== undefined && !full.text) full.text = JSON.stringify(full.json);
  const outcomes = responseChecks(
    validator,
    {
      operation: op(id),
      request: { method: 'GET', url: 'http://x/', headers: {} },
      response: full,
    },
    limit,
  );
  return Object.fromEntries(outcomes.filter((o) => o.failure).map((o) => [o.check, o.failure]));
}

describe('responseChecks', () => {
  it('passes a conforming answer', () => {
    expect(
      failures('getPatrol', {
        headers: { 'content-type': 'application/json', etag: '"1"' },
        json: patrol,
      }),
    ).toEqual({});
  });

  it('flags an undocumented status and a server error', () => {
    const f = failures('getPatrol', {
      status: 500,
      headers: { 'content-type': 'text/plain' },
      text: 'boom',
    });
    expect(Object.keys(f).sort()).toEqual(['not_a_server_error', 'status_code_conformance']);
  });

  it('does not call a 5xx the contract documents a server error', () => {
    const withDoc503 = {
      ...op('getHealth'),
      responses: [...op('getHealth').responses, { status: '503', content: [], headers: [] }],
    };
    const outcomes = responseChecks(
      validator,
      {
        operation: withDoc503,
        request: { method: 'GET', url: 'http://x/', headers: {} },
        response: { status: 503, headers: {}, text: '', elapsedMs: 1 },
      },
      1000,
    );
    expect(outcomes.filter((o) => o.failure)).toEqual([]);
  });

  it('flags a content type the contract does not list', () => {
    expect(
      failures('getPatrol', {
        headers: { 'content-type': 'text/html', etag: '"1"' },
        text: '<p>hi</p>',
      }),
    ).toHaveProperty('content_type_conformance');
  });

  it('flags a missing ETag the contract lists, and a header breaking its schema', () => {
    expect(
      failures('getPatrol', { headers: { 'content-type': 'application/json' }, json: patrol }),
    ).toHaveProperty('response_headers_conformance');
    const f = failures('createPatrol', {
      status: 201,
      headers: {
        'content-type': 'application/json',
        etag: '"1"',
        location: '/x',
        'idempotent-replayed': 'yes',
      },
      json: patrol,
    });
    expect(f.response_headers_conformance).toMatch(/Idempotent-Replayed/);
  });

  it('flags a body that breaks the schema, naming the field', () => {
    const f = failures('getPatrol', {
      headers: { 'content-type': 'application/json', etag: '"1"' },
      json: { ...patrol, participants: 'two' },
    });
    expect(f.response_schema_conformance).toMatch(/participants/);
  });

  it('flags a slow answer', () => {
    expect(
      failures(
        'getHealth',
        {
          headers: { 'content-type': 'application/json' },
          json: { status: 'ok', time: '2026-11-20T09:30:00Z' },
          elapsedMs: 250,
        },
        200,
      ),
    ).toHaveProperty('max_response_time');
  });

  it('finds documented responses by exact code, range, then default', () => {
    const fake: Operation = {
      ...op('getHealth'),
      responses: [
        { status: '200', content: [], headers: [] },
        { status: '4XX', content: [], headers: [] },
        { status: 'DEFAULT', content: [], headers: [] },
      ],
    };
    expect(findResponse(fake, 200)?.status).toBe('200');
    expect(findResponse(fake, 404)?.status).toBe('4XX');
    expect(findResponse(fake, 503)?.status).toBe('DEFAULT');
  });
});
