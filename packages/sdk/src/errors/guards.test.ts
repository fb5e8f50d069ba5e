import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ApiError } from './ApiError.js';
import { AuthError } from './AuthError.js';
import { isApiError, isAuthError, isBosError, isNetworkError, isTimeoutError } from './guards.js';
import { NetworkError } from './NetworkError.js';
import { TimeoutError } from './TimeoutError.js';

const problem = {
  type: 'urn:bosv2:problem:not-found',
  title: 'Tidak ditemukan',
  status: 404,
  code: 'not-found',
};

describe('error guards', () => {
  it('recognise each SDK error by its literal name', () => {
    const request = new Request('http://127.0.0.1/api/v2/activities/1');
    const api = new ApiError(problem, request, new Response(null, { status: 404 }));
    const network = new NetworkError('GET', request.url, { cause: new TypeError('x') });
    const timeout = new TimeoutError('GET', request.url, { cause: new Error('t') });
    const auth = new AuthError('expired');
    expect([api, network, timeout, auth].map((e) => e.name)).toEqual([
      'ApiError',
      'NetworkError',
      'TimeoutError',
      'AuthError',
    ]);
    expect([isApiError(api), isApiError(network), isNetworkError(network)]).toEqual([
      true,
      false,
      true,
    ]);
    expect([isTimeoutError(timeout), isAuthError(auth), isAuthError(api)]).toEqual([
      true,
      true,
      false,
    ]);
    for (const e of [api, network, timeout, auth]) expect(isBosError(e)).toBe(true);
    expect(isBosError(new TypeError('x'))).toBe(false);
    expect(isBosError(null)).toBe(false);
    expect(api.message).toBe(
      'Tidak ditemukan (404 not-found): GET http://127.0.0.1/api/v2/activities/1',
    );
  });

  it('work across realms, where instanceof does not', () => {
    const foreign = runInNewContext('const e = new Error("x"); e.name = "ApiError"; e');
    expect(foreign instanceof Error).toBe(false);
    expect(isApiError(foreign)).toBe(true);
    expect(isBosError(foreign)).toBe(true);
  });
});
