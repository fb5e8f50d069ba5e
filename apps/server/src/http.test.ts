import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { builtPageCsp } from './http.js';

describe('the CSP header of a built page', () => {
  test('is the policy the page declares, with frame-ancestors added', () => {
    const html = `<!doctype html><html><head>
      <meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; script-src &#39;self&#39; &#39;unsafe-eval&#39;; connect-src &#39;self&#39;">
      <script>window.inline = 1</script></head><body></body></html>`;
    expect(builtPageCsp(html)).toBe(
      "default-src 'self'; script-src 'self' 'unsafe-eval'; connect-src 'self'; frame-ancestors 'none'",
    );
  });

  test('allows a page without a policy of its own only this origin and its inline scripts by hash', () => {
    const csp = builtPageCsp('<html><head><script>1</script></head></html>');
    expect(csp).toMatch(/^default-src 'self'; script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-eval');
  });

  test('the built sandbox declares a policy of its own origin only', () => {
    // turbo builds @bosv2/sandbox (a dev dependency) before this package's tests.
    const html = readFileSync(new URL('../../sandbox/dist/index.html', import.meta.url), 'utf8');
    const csp = builtPageCsp(html);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:|\*/);
  });
});
