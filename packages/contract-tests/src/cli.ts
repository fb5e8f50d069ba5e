#!/usr/bin/env node
import { realpathSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CHECK_DESCRIPTIONS, CHECKS, type CheckName } from './checks.js';
import { formatFailure, formatSummary, toHtml, toJUnit } from './report.js';
import { type ContractTestOptions, DEFAULT_MAX_EXAMPLES, runContractTests } from './run.js';

export const USAGE = `bosv2-contract-test: uji server BOS V2 terhadap kontrak (check a BOS V2 server against the contract)

Pemakaian / usage:
  bosv2-contract-test --base-url URL [options]

Options:
  --base-url URL            API root with its prefix, e.g. http://127.0.0.1:4010/api/v2 (required)
  --spec FILE               OpenAPI 3.1 document (JSON or YAML); default: the BOS V2 contract
  --token T                 bearer token for protected operations; repeat as --token role=T per role
  --credentials role=u:p    log in through the contract's login operations; repeat per role
  --seed N                  seed of the generated requests (default: random, printed)
  --operations a,b          only these operationIds
  --checks a,b              only these checks (default: all)
  --max-examples N          generated requests per operation and mode (default ${DEFAULT_MAX_EXAMPLES})
  --max-response-time MS    limit for max_response_time (default 5000)
  --concurrency N           operations fuzzed at once (default 4)
  --junit FILE              write JUnit XML
  --html FILE               write an HTML report
  --json FILE               write the report as JSON
  --quiet                   no progress display
  -h, --help                this help

Exit code: 0 = every check passed, 1 = contract violations, 2 = usage or setup error.

Checks:
${CHECKS.map((c) => `  ${c.padEnd(30)}${CHECK_DESCRIPTIONS[c]}`).join('\n')}
`;

/** Parses the command line into run options and output files. */
export function parseCli(argv: string[]): {
  options: ContractTestOptions;
  junit?: string;
  html?: string;
  json?: string;
  quiet: boolean;
  help: boolean;
} {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: false,
    options: {
      'base-url': { type: 'string' },
      spec: { type: 'string' },
      token: { type: 'string', multiple: true },
      credentials: { type: 'string', multiple: true },
      seed: { type: 'string' },
      operations: { type: 'string' },
      checks: { type: 'string' },
      'max-examples': { type: 'string' },
      'max-response-time': { type: 'string' },
      concurrency: { type: 'string' },
      junit: { type: 'string' },
      html: { type: 'string' },
      json: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const int = (name: string, v: string | undefined): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`--${name} harus bilangan bulat (must be a whole number): ${v}`);
    return n;
  };
  const list = (v: string | undefined) =>
    v
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const baseUrl = values['base-url'];
  if (!baseUrl && !values.help) throw new Error('--base-url wajib diisi (--base-url is required)');
  const options: ContractTestOptions = { baseUrl: baseUrl ?? '' };
  if (values.spec) options.spec = values.spec;
  for (const t of values.token ?? []) {
    const eq = t.indexOf('=');
    if (eq > 0 && eq < t.length - 1 && /^[a-z][a-z_-]*$/i.test(t.slice(0, eq))) {
      options.tokens = { ...options.tokens, [t.slice(0, eq)]: t.slice(eq + 1) };
    } else options.token = t;
  }
  if (values.credentials?.length) options.credentials = values.credentials;
  const seed = int('seed', values.seed);
  if (seed !== undefined) options.seed = seed;
  const operations = list(values.operations);
  if (operations) options.operations = operations;
  const checks = list(values.checks);
  if (checks) {
    const unknown = checks.filter((c) => !(CHECKS as readonly string[]).includes(c));
    if (unknown.length)
      throw new Error(`Pemeriksaan tidak dikenal (unknown checks): ${unknown.join(', ')}`);
    options.checks = checks as CheckName[];
  }
  const maxExamples = int('max-examples', values['max-examples']);
  if (maxExamples !== undefined) options.maxExamples = maxExamples;
  const maxTime = int('max-response-time', values['max-response-time']);
  if (maxTime !== undefined) options.maxResponseTimeMs = maxTime;
  const concurrency = int('concurrency', values.concurrency);
  if (concurrency !== undefined) options.concurrency = concurrency;
  return {
    options,
    ...(values.junit ? { junit: values.junit } : {}),
    ...(values.html ? { html: values.html } : {}),
    ...(values.json ? { json: values.json } : {}),
    quiet: values.quiet ?? false,
    help: values.help ?? false,
  };
}

/** Runs the CLI; resolves to the exit code. */
export async function main(
  argv: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(argv);
  } catch (error) {
    err.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.help) {
    out.write(USAGE);
    return 0;
  }
  const tty = !parsed.quiet && (err as { isTTY?: boolean }).isTTY === true;
  let lastLine = '';
  parsed.options.onProgress = (event) => {
    if (parsed.quiet) return;
    if (event.type === 'phase') {
      if (tty && lastLine) err.write('\n');
      lastLine = '';
      err.write(`» ${event.phase}\n`);
    } else if (event.type === 'operation') {
      const line = `  [${event.done}/${event.total}] ${event.operationId}`;
      if (tty) {
        err.write(`\r${line.padEnd(lastLine.length)}`);
        lastLine = line;
      } else if (event.done === event.total || event.done % 10 === 0) {
        err.write(`${line}\n`);
      }
    } else {
      const line = `  ✗ ${event.failure.check} · ${event.failure.operationId}`;
      err.write(tty ? `\r${line.padEnd(lastLine.length)}\n` : `${line}\n`);
    }
  };
  try {
    const report = await runContractTests(parsed.options);
    if (tty && lastLine) err.write('\n');
    if (report.failures.length) {
      out.write(`\nKegagalan / failures (${report.failures.length}):\n\n`);
      out.write(`${report.failures.map(formatFailure).join('\n\n')}\n`);
      out.write(
        "\nCurl memakai $BOSV2_TOKEN untuk token peran itu (curl reads the role's token from $BOSV2_TOKEN).\n",
      );
    }
    const notes = [
      ...report.notes,
      ...report.operations.flatMap((o) =>
        [...new Set(o.notes)].map((n) => `${o.operationId}: ${n}`),
      ),
    ];
    if (notes.length) {
      out.write(
        `\nCatatan / notes:\n${notes
          .slice(0, 30)
          .map((n) => `  - ${n}`)
          .join('\n')}\n`,
      );
      if (notes.length > 30) out.write(`  … ${notes.length - 30} more (see --json)\n`);
    }
    out.write(`\n${formatSummary(report)}\n`);
    if (parsed.junit) writeFileSync(parsed.junit, toJUnit(report));
    if (parsed.html) writeFileSync(parsed.html, toHtml(report));
    if (parsed.json) writeFileSync(parsed.json, `${JSON.stringify(report, null, 2)}\n`);
    return report.ok ? 0 : 1;
  } catch (error) {
    err.write(`\nGalat / error: ${(error as Error).message}\n`);
    return 2;
  }
}

function invokedDirectly(): boolean {
  try {
    return (
      !!process.argv[1] &&
      realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
    );
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
