// Helpers for this package's tests (not exported from the package).
import { expect } from 'vitest';
import { type MockServerOptions, type RunningMockServer, startMockServer } from './node/server.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './store/seed.js';

export interface TestMock {
  mock: RunningMockServer;
  /** fetch against the API base, JSON in and out. */
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
    // biome-ignore lint/suspicious/noExplicitAny: JSON answers of tests are read loosely
  ): Promise<{ status: number; headers: Headers; body: any }>;
  login(who?: keyof typeof DEMO_ACCOUNTS): Promise<string>;
  /** Fails the test when any response broke the contract. */
  expectConformance(): void;
  close(): Promise<void>;
}

export async function startTestMock(options: MockServerOptions = {}): Promise<TestMock> {
  const mock = await startMockServer({ seed: 1, validateResponses: 'strict', ...options });
  const call: TestMock['call'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined;
    if (o.body !== undefined) {
      body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${mock.url}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {}
    return { status: res.status, headers: res.headers, body: parsed };
  };
  const login: TestMock['login'] = async (who = 'officer') => {
    const account = DEMO_ACCOUNTS[who];
    const res =
      'email' in account
        ? await call('POST', '/auth/citizen-login', {
            body: { email: account.email, password: account.password },
          })
        : await call('POST', '/auth/officer-login', {
            body: { nrp: account.nrp, password: account.password ?? DEMO_PASSWORD },
          });
    if (res.status !== 200)
      throw new Error(`login ${who} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };
  return {
    mock,
    call,
    login,
    expectConformance: () => {
      const found = mock.engine.violations.map(
        (v) => `${v.method} ${v.path} → ${v.status}: ${v.problems.join('; ')}`,
      );
      mock.engine.violations.length = 0;
      expect(found).toEqual([]);
    },
    close: () => mock.close(),
  };
}
