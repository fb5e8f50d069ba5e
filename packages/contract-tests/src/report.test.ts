import { describe, expect, it } from 'vitest';
import { CHECK_DESCRIPTIONS } from './checks.js';
import { formatFailure, formatSummary, type Report, toHtml, toJUnit } from './report.js';

const report: Report = {
  ok: false,
  seed: 42,
  baseUrl: 'http://127.0.0.1:4010/api/v2',
  startedAt: '2026-11-28T00:00:00.000Z',
  durationMs: 1500,
  requests: 10,
  checks: [
    {
      check: 'not_a_server_error',
      description: CHECK_DESCRIPTIONS.not_a_server_error,
      passed: 9,
      failed: 1,
      skipped: false,
    },
    {
      check: 'pagination_consistency',
      description: CHECK_DESCRIPTIONS.pagination_consistency,
      passed: 0,
      failed: 0,
      skipped: true,
    },
  ],
  operations: [],
  failures: [
    {
      check: 'not_a_server_error',
      operationId: 'createPatrol',
      method: 'POST',
      path: '/patrols',
      message: 'Server menjawab 500 <oops> & "more"',
      seed: 42,
      request: { method: 'POST', url: 'http://h/patrols', headers: {}, body: '{}' },
      response: { status: 500, headers: {}, body: '<b>boom</b>', elapsedMs: 3 },
      curl: `curl -i -X POST 'http://h/patrols' --data-raw '{}'`,
      occurrences: 2,
    },
  ],
  authMatrix: [{ operationId: 'createPatrol', role: 'citizen', allowed: false, status: 403 }],
  notes: [],
};

describe('reports', () => {
  it('prints a failure with operation, check, seed and curl', () => {
    const text = formatFailure(report.failures[0] as Report['failures'][number]);
    expect(text).toContain('not_a_server_error · createPatrol (POST /patrols) · seed 42');
    expect(text).toContain(`curl -i -X POST 'http://h/patrols'`);
  });

  it('prints a summary table with a verdict', () => {
    const text = formatSummary(report);
    expect(text).toMatch(/not_a_server_error\s+9\s+1\s+✗/);
    expect(text).toMatch(/pagination_consistency\s+0\s+0\s+- \(tidak dijalankan/);
    expect(text).toContain('1 GAGAL / FAILED');
  });

  it('writes escaped JUnit XML with one suite per check', () => {
    const xml = toJUnit(report);
    expect(xml).toContain(
      '<testsuite name="not_a_server_error" tests="1" failures="1" skipped="0">',
    );
    expect(xml).toContain('message="Server menjawab 500 &lt;oops&gt; &amp; &quot;more&quot;"');
    expect(xml).toContain(
      '<testsuite name="pagination_consistency" tests="1" failures="0" skipped="1">',
    );
    expect(xml).not.toMatch(/<oops>/);
  });

  it('writes an HTML report that escapes server text', () => {
    const html = toHtml(report);
    expect(html).toContain('&lt;b&gt;boom&lt;/b&gt;');
    expect(html).not.toContain('<b>boom</b>');
    expect(html).toContain('<td class="deny">403 ⛔</td>');
  });
});
