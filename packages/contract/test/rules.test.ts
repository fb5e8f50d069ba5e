import { describe, expect, test } from 'vitest';
import { redocly } from '../scripts/redocly.mjs';

interface LintProblem {
  ruleId: string;
  severity: string;
  message: string;
  location: { pointer: string }[];
}

const run = (args: string[]): { status: number; stdout: string; stderr: string } => redocly(args);

/** `#/paths/~1broken~1if-match/put/...` -> `/broken/if-match` */
const pathOf = (problem: LintProblem): string => {
  const segment = problem.location[0]?.pointer.split('/')[2] ?? '';
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
};

describe('the bosv2 lint rules', () => {
  const result = run([
    'lint',
    '--config',
    'test/fixtures/redocly.yaml',
    'test/fixtures/broken-rules.yaml',
    '--format=json',
  ]);
  const problems = (JSON.parse(result.stdout) as { problems: LintProblem[] }).problems;
  const firing = (rule: string) =>
    problems
      .filter((p) => p.ruleId === `bosv2/${rule}`)
      .map(pathOf)
      .sort();

  test('fail the lint run of the broken fixture, as errors', () => {
    expect(result.status).not.toBe(0);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
  });

  test('pass the operations that follow the conventions', () => {
    expect(problems.filter((p) => pathOf(p).startsWith('/good/'))).toEqual([]);
  });

  const expected: Record<string, string[]> = {
    'operation-id': ['/broken/operation-id', '/broken/operation-id/case'],
    'one-tag': ['/broken/one-tag', '/broken/one-tag/none'],
    security: ['/broken/security', '/broken/security/public'],
    'x-roles': [
      '/broken/x-roles',
      '/broken/x-roles/empty',
      '/broken/x-roles/missing',
      '/broken/x-roles/public',
    ],
    'x-sdk-method': [
      '/broken/x-sdk-method',
      '/broken/x-sdk-method/one',
      '/broken/x-sdk-method/two',
    ],
    'request-example': ['/broken/request-example'],
    'success-example': ['/broken/success-example'],
    '4xx-response': ['/broken/4xx-response'],
    'idempotency-key': ['/broken/idempotency-key'],
    'if-match': ['/broken/if-match'],
  };

  for (const [rule, paths] of Object.entries(expected)) {
    test(`${rule} fires on exactly the operations that break it`, () => {
      expect(firing(rule)).toEqual(paths);
    });
  }

  test('every rule of the plugin is covered by the fixture', async () => {
    const { default: plugin } = await import('../plugins/bosv2-rules.js');
    expect(Object.keys(plugin().rules.oas3).sort()).toEqual(Object.keys(expected).sort());
  });
});

test('the contract passes the lint with our rules as errors', () => {
  const result = run(['lint', '--config', 'redocly.yaml', 'openapi/openapi.yaml', '--format=json']);
  const errors = (JSON.parse(result.stdout) as { problems: LintProblem[] }).problems
    .filter((p) => p.severity === 'error')
    .map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
  expect(errors).toEqual([]);
});
