import { beforeAll, describe, it } from 'vitest';
import { CHECKS, type CheckName } from './checks.js';
import { formatFailure, type Report } from './report.js';
import { type ContractTestOptions, runContractTests } from './run.js';

export interface DescribeContractSettings {
  /** The checks to run and to make one test each (default: all). */
  checks?: CheckName[];
  /** Timeout of the whole run, in ms (default 120000). */
  timeout?: number;
}

/** Throws an error listing every failure (with its curl command) when a report has any. */
export function expectContractToPass(report: Report, check?: CheckName): void {
  const failures = report.failures.filter((f) => check === undefined || f.check === check);
  if (failures.length > 0) {
    throw new Error(
      `${failures.length} pelanggaran kontrak (contract violations), seed ${report.seed}:\n\n${failures.map(formatFailure).join('\n\n')}`,
    );
  }
}

/**
 * Registers a vitest suite that runs the contract tests once (in `beforeAll`) and reports each
 * check as its own test; a check with nothing to apply to is skipped.
 *
 * @example
 * import { describeContract } from '@bosv2/contract-tests/vitest';
 *
 * let server: { baseUrl: string; close(): Promise<void> };
 * beforeAll(async () => { server = await startMyServer(); });
 * afterAll(() => server.close());
 * describeContract('my server', () => ({ baseUrl: server.baseUrl, seed: 1 }));
 */
export function describeContract(
  name: string,
  options: () => ContractTestOptions | Promise<ContractTestOptions>,
  settings: DescribeContractSettings = {},
): void {
  const checks = settings.checks ?? [...CHECKS];
  describe(name, () => {
    let report: Report | undefined;
    let error: unknown;
    beforeAll(async () => {
      try {
        report = await runContractTests({ ...(await options()), checks });
      } catch (e) {
        error = e;
      }
    }, settings.timeout ?? 120_000);
    for (const check of checks) {
      it(`${check} passes`, (ctx) => {
        if (!report) throw error ?? new Error('contract run did not finish');
        if (report.checks.find((c) => c.check === check)?.skipped) ctx.skip();
        expectContractToPass(report, check);
      });
    }
  });
}

export type { ContractTestOptions, Report };
export { runContractTests };
