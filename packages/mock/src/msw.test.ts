import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, createMockFetch } from './node.js';

describe('msw handlers', () => {
  const handlers = createHandlers({ seed: 1, validateResponses: 'strict' });
  const server = setupServer(...handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('answer through msw/node setupServer from the same engine', async () => {
    const login = await fetch('http://bos.example/api/v2/auth/officer-login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nrp: '85061234', password: 'latihan-bos-v2' }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const list = await fetch('http://bos.example/api/v2/activities?limit=2', {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(2);
    expect(handlers.engine.violations).toEqual([]);
  });

  it('turn an offline fault into a network error', async () => {
    await expect(
      fetch('http://bos.example/api/v2/health', { headers: { 'x-mock-fault': 'offline' } }),
    ).rejects.toThrow();
  });
});

describe('the mock fetch (no service worker)', () => {
  const mockFetch = createMockFetch({ seed: 1, validateResponses: 'strict' });

  it('answers relative URLs from the handlers in the page', async () => {
    const res = await mockFetch('/api/v2/regions/63.08.05.1002');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { name: string }).name).toBe('Murung Sari');
  });

  it('never reaches a real server: an unknown origin path fails like the network', async () => {
    await expect(mockFetch('https://example.com/elsewhere')).rejects.toThrow(TypeError);
  });

  it('simulates a network error, and streams a slow body', async () => {
    await expect(
      mockFetch('/api/v2/health', { headers: { 'x-mock-fault': 'offline' } }),
    ).rejects.toThrow(TypeError);
    const slow = await mockFetch('/api/v2/health', {
      headers: { 'x-mock-fault': 'slow-body=8/5' },
    });
    expect(((await slow.json()) as { status: string }).status).toBe('ok');
    expect(mockFetch.engine.violations).toEqual([]);
  });
});
