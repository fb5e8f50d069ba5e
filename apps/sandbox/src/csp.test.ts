import spec from '@bosv2/contract/openapi.json';
import { isBundledContract } from '@bosv2/mock/validators';
import { describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp.js';

describe('the Content-Security-Policy', () => {
  test('allows this origin only, and no code built at run time', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  test('holds because the page’s contract is the one the validators were precompiled from', () => {
    // Otherwise the mock and the forms would compile schemas with Ajv, which the CSP forbids:
    // run `pnpm generate` after changing the contract.
    expect(isBundledContract(spec)).toBe(true);
  });
});
