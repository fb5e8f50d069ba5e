import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createMockRequestListener } from './server.js';

describe('the request listener', () => {
  it('serves /api/v2 and /__mock, and hands every other path to next()', async () => {
    const listener = createMockRequestListener({ seed: 1, validateResponses: 'strict' });
    const server = createServer((req, res) =>
      listener(req, res, () => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<h1>Latihan BOS V2</h1>');
      }),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await fetch(`${origin}/api/v2/health`)).status).toBe(200);
      expect(await (await fetch(`${origin}/index.html`)).text()).toContain('Latihan BOS V2');
      expect(((await (await fetch(`${origin}/__mock/info`)).json()) as { seed: number }).seed).toBe(
        1,
      );
      const missing = await fetch(`${origin}/api/v2/nothing-here`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe('application/problem+json');
      expect(listener.engine.violations).toEqual([]);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
