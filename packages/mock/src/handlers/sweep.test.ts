import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestMock, type TestMock } from '../test-utils.js';

let t: TestMock;
beforeAll(async () => {
  t = await startTestMock();
});
afterAll(() => t.close());

describe('every read operation', () => {
  it('answers every role within the contract, with seeded data that validates', async () => {
    const tokens: Record<string, string> = {};
    for (const who of ['officer', 'supervisor', 'citizen', 'trainer', 'admin'] as const)
      tokens[who] = await t.login(who);
    const statuses: string[] = [];
    for (const op of t.mock.engine.ops) {
      if (op.method !== 'get' || op.path.includes('{')) continue;
      const required = op.parameters.filter((p) => p.required && p.in === 'query');
      const query = required
        .map(
          (p) =>
            `${p.name}=${p.name === 'desaCode' ? '63.08.05.1002' : p.name === 'month' ? '2026-11' : p.name === 'date' ? '2026-11-20' : 'x'}`,
        )
        .join('&');
      for (const [who, token] of Object.entries(tokens)) {
        const res = await t.call('GET', `${op.path}${query ? `?${query}` : ''}`, { token });
        statuses.push(`${op.operationId} ${who} ${res.status}`);
        // Follow one item to its own GET, when there is one.
        const first = res.body?.items?.[0];
        const itemOp = t.mock.engine.ops.find(
          (o) =>
            o.method === 'get' &&
            o.path.startsWith(`${op.path}/{`) &&
            o.path.split('/').length === op.path.split('/').length + 1,
        );
        if (res.status === 200 && first?.id && itemOp) {
          const item = await t.call('GET', `${op.path}/${first.id}`, { token });
          statuses.push(`${itemOp.operationId} ${who} ${item.status}`);
        }
      }
    }
    t.expectConformance();
    expect(statuses.filter((s) => s.endsWith(' 500'))).toEqual([]);
  });
});
