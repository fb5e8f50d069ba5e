import { describe, expect, it } from 'vitest';
import { MockEngine } from '../engine/engine.js';
import type { MockRequest } from '../engine/types.js';
import { createFactories } from '../factories.js';
import { loadContractSpec } from '../node/load-spec.js';
import { createAuthHandlers } from './auth.js';
import { createGenericHandler } from './generic.js';

const spec = loadContractSpec();

function engineWithOnlyGeneric(): MockEngine {
  let engine: MockEngine | undefined;
  engine = new MockEngine({ spec, seed: 2, validateResponses: 'strict' }, [
    { handlers: createAuthHandlers({ accessTokenTtl: 600, version: '0' }) },
    { handlers: { '*': createGenericHandler(() => (engine as MockEngine).validator) } },
  ]);
  return engine;
}

const req = (
  method: string,
  path: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
): MockRequest => ({
  method,
  pathname: `/api/v2${path.split('?')[0]}`,
  query: new URLSearchParams(path.split('?')[1] ?? ''),
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
  body: body === undefined ? null : new TextEncoder().encode(JSON.stringify(body)),
});

describe('the generic handler', () => {
  it('answers every operation of the contract within the contract when no domain handler exists', async () => {
    const engine = engineWithOnlyGeneric();
    const post = (path: string, body: unknown) =>
      engine.handle({
        method: 'POST',
        pathname: `/api/v2${path}`,
        query: new URLSearchParams(),
        headers: { 'content-type': 'application/json' },
        body: new TextEncoder().encode(JSON.stringify(body)),
      });
    const tokens: Record<string, string> = {};
    for (const [role, nrp] of [
      ['bhabinkamtibmas', '85061234'],
      ['supervisor', '75030001'],
      ['admin', '70010001'],
      ['trainer', '80020001'],
    ]) {
      tokens[role as string] = JSON.parse(
        String(
          (await post('/auth/officer-login', { nrp, password: 'latihan-bos-v2' })).response.body,
        ),
      ).accessToken;
    }
    tokens.citizen = JSON.parse(
      String(
        (
          await post('/auth/citizen-login', {
            email: 'siti.aminah@contoh.id',
            password: 'rahasia-siti-2026',
          })
        ).response.body,
      ),
    ).accessToken;
    const make = createFactories({ spec, seed: 4 });
    let answered = 0;
    for (const op of engine.ops) {
      if (op.path.startsWith('/auth') || op.requestBody?.content['multipart/form-data']) continue;
      const role = tokens[op.roles[0] ?? 'admin'] as string;
      const path = op.path.replace(/\{[^}]+\}/g, (m) =>
        m === '{code}' ? '63.08.05.1002' : crypto.randomUUID(),
      );
      const pointer = op.requestBody?.content['application/json'];
      const ref = pointer
        ? // biome-ignore lint/suspicious/noExplicitAny: JSON answers of tests are read loosely
          (engine.doc as any).paths[op.path][op.method].requestBody?.content?.['application/json']
            ?.schema?.$ref
        : undefined;
      const body = ref ? make.build(ref.split('/').pop()) : undefined;
      const required = op.parameters.filter((p) => p.in === 'query' && p.required);
      const query = required
        .map(
          (p) =>
            `${p.name}=${p.name === 'week' ? '2026-W47' : p.name === 'groupBy' ? 'keyword' : p.name === 'periodKind' ? 'DAILY' : p.name === 'period' ? '2026-11-20' : p.name === 'desaCode' ? '63.08.05.1002' : p.name.endsWith('Id') ? crypto.randomUUID() : '2026-11-20'}`,
        )
        .join('&');
      const headers: Record<string, string> = {
        'idempotency-key': crypto.randomUUID(),
        'if-match': '*',
      };
      const res = await engine.handle(
        req(op.method.toUpperCase(), `${path}${query ? `?${query}` : ''}`, role, body, headers),
      );
      expect(
        res.response.status,
        `${op.operationId}: ${String(res.response.body).slice(0, 300)}`,
      ).toBeLessThan(400);
      answered++;
    }
    expect(answered).toBeGreaterThan(40);
    expect(engine.violations).toEqual([]);
  });
});
