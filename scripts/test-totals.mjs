#!/usr/bin/env node
// Sums the vitest and node:test summaries in a turbo log and prints the plain closing line CI reads:
// "tests: N passed, N failed" (', N skipped' when any were skipped).
import { readFileSync } from 'node:fs';

// biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes
const text = readFileSync(process.argv[2], 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
let passed = 0;
let failed = 0;
let skipped = 0;
let files = 0;
for (const rawLine of text.split('\n')) {
  // node's test runner (TAP or spec reporter) closes with "# pass N" / "ℹ pass N" lines.
  const line = rawLine.replace(/^\S+:test: /, '');
  const node = /^(?:#|ℹ) (tests|pass|fail|cancelled|skipped|todo) (\d+)\s*$/.exec(line);
  if (node) {
    const count = Number(node[2]);
    if (node[1] === 'tests') files += 1;
    else if (node[1] === 'pass') passed += count;
    else if (node[1] === 'fail' || node[1] === 'cancelled') failed += count;
    else skipped += count;
    continue;
  }
  // vitest: "      Tests  12 passed (12)" or "Tests  1 failed | 11 passed | 2 skipped (14)"
  const match = /\bTests\s+(.+)\(\d+\)\s*$/.exec(line);
  if (!match) continue;
  files += 1;
  for (const [, count, kind] of match[1].matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
    if (kind === 'passed') passed += Number(count);
    else if (kind === 'failed') failed += Number(count);
    else skipped += Number(count);
  }
}
if (files === 0) {
  console.error('no test summaries found in the log: did any test run?');
  process.exit(1);
}
console.log(`\n${files} test runs`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
