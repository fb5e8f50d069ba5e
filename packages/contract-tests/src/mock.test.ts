import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFailure, type Report } from './report.js';
import { runContractTests } from './run.js';

const require = createRequire(import.meta.url);
const mockDir = dirname(require.resolve('@bosv2/mock/package.json'));
/** The only reason to skip: @bosv2/mock has not been built (its dist is missing). */
const mockBuilt = existsSync(join(mockDir, 'dist', 'node.js'));
if (!mockBuilt) console.warn('mock.test.ts skipped: @bosv2/mock has no dist (run its build first)');

interface DemoAccount {
  nrp?: string;
  email?: string;
  password: string;
}

describe.skipIf(!mockBuilt)('against the BOS V2 mock server (@bosv2/mock)', () => {
  let mock: { url: string; close(): Promise<void> };
  let report: Report;
  beforeAll(async () => {
    const { startMockServer, DEMO_ACCOUNTS } = (await import('@bosv2/mock/node' as string)) as {
      startMockServer: (o: { seed: number }) => Promise<{ url: string; close(): Promise<void> }>;
      DEMO_ACCOUNTS: Record<string, DemoAccount>;
    };
    mock = await startMockServer({ seed: 1 });
    const login = (role: string, a: DemoAccount | undefined) =>
      a ? [`${role}=${a.nrp ?? a.email}:${a.password}`] : [];
    report = await runContractTests({
      baseUrl: mock.url,
      credentials: [
        ...login('bhabinkamtibmas', DEMO_ACCOUNTS.officer),
        ...login('supervisor', DEMO_ACCOUNTS.supervisor),
        ...login('citizen', DEMO_ACCOUNTS.citizen),
        ...login('trainer', DEMO_ACCOUNTS.trainer),
        ...login('admin', DEMO_ACCOUNTS.admin),
      ],
      seed: 1,
      maxExamples: 10,
    });
  }, 300_000);
  afterAll(() => mock?.close());

  it('passes every check, with no false alarm', () => {
    if (!report.ok) throw new Error(report.failures.map(formatFailure).join('\n\n'));
    expect(report.failures).toEqual([]);
  });

  it('logs in every role and exercises the stateful checks', () => {
    const ran = report.checks.filter((c) => !c.skipped).map((c) => c.check);
    for (const check of [
      'ignored_auth',
      'lifecycle_order',
      'idempotent_replay',
      'pagination_consistency',
      'ensure_resource_availability',
    ] as const) {
      expect(ran).toContain(check);
    }
  });
});
