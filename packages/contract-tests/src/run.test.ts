import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CREDENTIALS,
  DEFECTS,
  type Defect,
  SPEC_PATH,
  startFixtureServer,
} from '../test/fixtures/server.js';
import { CHECKS, type CheckName } from './checks.js';
import type { Report } from './report.js';
import { runContractTests } from './run.js';
import { loadSpec, type OpenApiDocument } from './spec.js';

const base = { spec: SPEC_PATH, credentials: CREDENTIALS, seed: 7, maxExamples: 25 };

/** The check each planted defect must be reported under. */
const EXPECTED: Record<Defect, CheckName> = {
  not_a_server_error: 'not_a_server_error',
  status_code_conformance: 'status_code_conformance',
  content_type_conformance: 'content_type_conformance',
  response_headers_conformance: 'response_headers_conformance',
  response_schema_conformance: 'response_schema_conformance',
  negative_data_rejection: 'negative_data_rejection',
  positive_data_acceptance: 'positive_data_acceptance',
  missing_required_header: 'missing_required_header',
  unsupported_method: 'unsupported_method',
  allow_header_conformance: 'allow_header_conformance',
  ignored_auth: 'ignored_auth',
  ignored_auth_role: 'ignored_auth',
  use_after_free: 'use_after_free',
  ensure_resource_availability: 'ensure_resource_availability',
  max_response_time: 'max_response_time',
  idempotent_replay: 'idempotent_replay',
  lifecycle_order: 'lifecycle_order',
  stale_etag_rejected: 'stale_etag_rejected',
  pagination_consistency: 'pagination_consistency',
};

/** Other checks a defect may honestly trip as well (a 500 is also an undocumented status). */
const ALSO: Partial<Record<Defect, CheckName[]>> = {
  not_a_server_error: ['status_code_conformance'],
};

function failedChecks(report: Report): CheckName[] {
  return [...new Set(report.failures.map((f) => f.check))].sort();
}

describe('against a correct server', () => {
  let report: Report;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  beforeAll(async () => {
    server = await startFixtureServer();
    report = await runContractTests({ ...base, baseUrl: server.baseUrl });
  });
  afterAll(() => server.close());

  it('reports no failure at all', () => {
    expect(report.failures.map((f) => `${f.check} ${f.operationId}: ${f.message}`)).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('runs every check at least once', () => {
    expect(report.checks.map((c) => c.check)).toEqual([...CHECKS]);
    expect(report.checks.filter((c) => c.skipped).map((c) => c.check)).toEqual([]);
  });

  it('fills the role matrix, with forbidden roles refused', () => {
    const create = report.authMatrix.filter((c) => c.operationId === 'createPatrol');
    expect(create.find((c) => c.role === 'citizen')).toMatchObject({ allowed: false, status: 403 });
    expect(create.find((c) => c.role === 'bhabinkamtibmas')?.allowed).toBe(true);
  });
});

describe('against servers with one planted defect each', () => {
  it.each(DEFECTS)('reports the %s defect under the right check', async (defect) => {
    const server = await startFixtureServer({ defect });
    try {
      const report = await runContractTests({
        ...base,
        baseUrl: server.baseUrl,
        ...(defect === 'max_response_time' ? { maxResponseTimeMs: 100 } : {}),
      });
      const failed = failedChecks(report);
      expect(failed).toContain(EXPECTED[defect]);
      const allowed = new Set([EXPECTED[defect], ...(ALSO[defect] ?? [])]);
      expect(failed.filter((c) => !allowed.has(c))).toEqual([]);
      const failure = report.failures.find((f) => f.check === EXPECTED[defect]);
      expect(failure?.seed).toBe(7);
      expect(failure?.curl).toMatch(
        /^curl -i -X (GET|POST|PUT|DELETE|PATCH) 'http:\/\/127\.0\.0\.1:\d+\/api\/v2\//,
      );
    } finally {
      await server.close();
    }
  });

  it('shrinks a server error to the smallest request that causes it', async () => {
    const server = await startFixtureServer({ defect: 'not_a_server_error' });
    try {
      const report = await runContractTests({
        ...base,
        baseUrl: server.baseUrl,
        checks: ['not_a_server_error'],
      });
      const failure = report.failures.find((f) => f.check === 'not_a_server_error');
      const body = JSON.parse(String(failure?.request.body));
      // the planted bug fires above 40 participants: the minimal case is exactly 41
      expect(body.participants).toBe(41);
      expect(failure?.operationId).toBe('createPatrol');
    } finally {
      await server.close();
    }
  });

  it('repeats the same requests for the same seed', async () => {
    const server = await startFixtureServer({ defect: 'not_a_server_error' });
    try {
      const run = () =>
        runContractTests({
          ...base,
          baseUrl: server.baseUrl,
          checks: ['not_a_server_error'],
          operations: ['createPatrol'],
        });
      const [a, b] = [await run(), await run()];
      expect(a.failures[0]?.request.body).toBe(b.failures[0]?.request.body);
      expect(a.requests).toBe(b.requests);
    } finally {
      await server.close();
    }
  });
});

describe('with bearer tokens instead of credentials', () => {
  it('uses a token per role and runs the role checks with them', async () => {
    const server = await startFixtureServer();
    try {
      const tokens: Record<string, string> = {};
      for (const [role, c] of Object.entries(CREDENTIALS)) {
        const res = await fetch(`${server.baseUrl}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ nrp: c.username, password: c.password }),
        });
        tokens[role] = ((await res.json()) as { accessToken: string }).accessToken;
      }
      const report = await runContractTests({
        spec: SPEC_PATH,
        baseUrl: server.baseUrl,
        tokens,
        seed: 2,
        maxExamples: 5,
        checks: ['ignored_auth', 'lifecycle_order'],
      });
      expect(report.failures).toEqual([]);
      expect(report.checks.every((c) => !c.skipped)).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe('with accept/decline decisions (the unit-report style)', () => {
  /** The fixture contract with `/accept` and `/decline` in place of `/review`. */
  async function acceptDeclineSpec(): Promise<OpenApiDocument> {
    const doc = structuredClone(await loadSpec({ spec: SPEC_PATH }));
    const review = doc.paths['/patrols/{patrolId}/review'];
    delete doc.paths['/patrols/{patrolId}/review'];
    for (const action of ['accept', 'decline']) {
      const { requestBody: _body, ...post } = review.post;
      doc.paths[`/patrols/{patrolId}/${action}`] = {
        parameters: review.parameters,
        post: { ...post, operationId: `${action}Patrol`, 'x-sdk-method': action },
      };
    }
    doc.components.schemas.ReportStatus.enum.push('ACCEPTED', 'DECLINED');
    return doc;
  }

  it('follows DRAFT → SUBMITTED → ACCEPTED/DECLINED without false alarms', async () => {
    const server = await startFixtureServer({ decisions: 'accept-decline' });
    try {
      const report = await runContractTests({
        ...base,
        spec: await acceptDeclineSpec(),
        baseUrl: server.baseUrl,
        checks: ['lifecycle_order'],
      });
      expect(report.failures).toEqual([]);
      expect(report.checks[0]?.passed).toBeGreaterThanOrEqual(8);
    } finally {
      await server.close();
    }
  });

  it('reports accepting a DRAFT as a lifecycle_order failure', async () => {
    const server = await startFixtureServer({
      decisions: 'accept-decline',
      defect: 'lifecycle_order',
    });
    try {
      const report = await runContractTests({
        ...base,
        spec: await acceptDeclineSpec(),
        baseUrl: server.baseUrl,
        checks: ['lifecycle_order'],
      });
      expect(report.failures.map((f) => `${f.check} ${f.operationId}`)).toEqual([
        'lifecycle_order acceptPatrol',
      ]);
    } finally {
      await server.close();
    }
  });
});
