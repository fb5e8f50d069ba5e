#!/usr/bin/env node
// `pnpm bench`: run every package's `bench` script (each writes docs/benchmarks/<name>.md with
// its command, machine and date), then gather the fragments into docs/benchmarks.md.
// Benchmarks are not tests: they measure ratios against named peers in the same run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fragments = join(root, 'docs', 'benchmarks');
mkdirSync(fragments, { recursive: true });

// `--gather` only rebuilds docs/benchmarks.md from the fragments already measured;
// any other arguments name packages to measure (`pnpm bench @bosv2/sdk`), default all.
const args = process.argv.slice(2);
const gatherOnly = args.includes('--gather');
const only = args.filter((arg) => arg !== '--gather');
if (!gatherOnly) {
  const filter = only.flatMap((name) => ['--filter', name]);
  execFileSync('pnpm', ['turbo', 'run', 'bench', '--concurrency=1', ...filter], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
}

const parts = readdirSync(fragments)
  .filter((file) => file.endsWith('.md'))
  .sort()
  .map((file) => readFileSync(join(fragments, file), 'utf8').trim());

const header = `# Benchmarks

Written by \`pnpm bench\` (scripts/bench.mjs), which runs each package's \`bench\` script
(one at a time, so they do not compete for the two cores) and gathers the sections below. Each
section names its command, the machine and the date it was measured on; goals are ratios
against a named peer measured in the same run, never absolute times.

Last gathered: ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${
  os.cpus()[0]?.model ?? 'unknown CPU'
}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.
`;
writeFileSync(join(root, 'docs', 'benchmarks.md'), `${[header, ...parts].join('\n\n')}\n`);
console.log(`wrote docs/benchmarks.md (${parts.length} sections)`);
