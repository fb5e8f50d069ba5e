import { CHECK_DESCRIPTIONS, CHECKS, type CheckName } from './checks.js';
import { type HttpRequest, type HttpResponse, toCurl } from './request.js';

/** One contract violation, with what it takes to reproduce it. */
export interface Failure {
  check: CheckName;
  operationId: string;
  method: string;
  path: string;
  message: string;
  /** The run's seed: `--seed` repeats the generated requests. */
  seed: number;
  role?: string;
  /** What the kit broke on purpose, for negative requests. */
  mutation?: string;
  request: HttpRequest;
  response?: { status: number; headers: Record<string, string>; body: string; elapsedMs: number };
  curl: string;
  /** How often the same check failed on the same operation. */
  occurrences: number;
}

export interface CheckSummary {
  check: CheckName;
  description: string;
  passed: number;
  failed: number;
  /** True when the check never ran (nothing in the contract or the server to apply it to). */
  skipped: boolean;
}

export interface OperationSummary {
  operationId: string;
  method: string;
  path: string;
  requests: number;
  failures: number;
  notes: string[];
}

/** One cell of the role matrix: what a role got from an operation. */
export interface AuthCell {
  operationId: string;
  role: string;
  allowed: boolean;
  status: number;
}

export interface Report {
  ok: boolean;
  seed: number;
  baseUrl: string;
  startedAt: string;
  durationMs: number;
  requests: number;
  checks: CheckSummary[];
  operations: OperationSummary[];
  failures: Failure[];
  authMatrix: AuthCell[];
  notes: string[];
}

/** Collects outcomes while a run goes on. */
export class Recorder {
  readonly stats = new Map<CheckName, { passed: number; failed: number }>();
  readonly perOperation = new Map<string, OperationSummary>();
  readonly failures = new Map<string, Failure>();
  readonly authMatrix: AuthCell[] = [];
  readonly notes: string[] = [];
  requests = 0;

  constructor(
    readonly seed: number,
    private readonly selected: ReadonlySet<CheckName>,
    private readonly onFailure?: (failure: Failure) => void,
  ) {}

  isSelected(check: CheckName): boolean {
    return this.selected.has(check);
  }

  operation(op: { operationId: string; method: string; path: string }): OperationSummary {
    let s = this.perOperation.get(op.operationId);
    if (!s) {
      s = {
        operationId: op.operationId,
        method: op.method.toUpperCase(),
        path: op.path,
        requests: 0,
        failures: 0,
        notes: [],
      };
      this.perOperation.set(op.operationId, s);
    }
    return s;
  }

  countRequest(op: { operationId: string; method: string; path: string }): void {
    this.requests++;
    this.operation(op).requests++;
  }

  pass(check: CheckName): void {
    if (!this.selected.has(check)) return;
    const s = this.stats.get(check) ?? { passed: 0, failed: 0 };
    s.passed++;
    this.stats.set(check, s);
  }

  fail(
    check: CheckName,
    op: { operationId: string; method: string; path: string },
    message: string,
    request: HttpRequest,
    response: HttpResponse | undefined,
    extra: { role?: string | undefined; mutation?: string | undefined } = {},
  ): void {
    if (!this.selected.has(check)) return;
    const s = this.stats.get(check) ?? { passed: 0, failed: 0 };
    s.failed++;
    this.stats.set(check, s);
    const key = `${check}\u0000${op.operationId}`;
    const existing = this.failures.get(key);
    if (existing) {
      existing.occurrences++;
      return;
    }
    const failure: Failure = {
      check,
      operationId: op.operationId,
      method: op.method.toUpperCase(),
      path: op.path,
      message,
      seed: this.seed,
      request,
      curl: toCurl(request),
      occurrences: 1,
    };
    if (extra.role) failure.role = extra.role;
    if (extra.mutation) failure.mutation = extra.mutation;
    if (response) {
      failure.response = {
        status: response.status,
        headers: response.headers,
        body: response.text.length > 2000 ? `${response.text.slice(0, 2000)}…` : response.text,
        elapsedMs: Math.round(response.elapsedMs),
      };
    }
    this.failures.set(key, failure);
    this.operation(op).failures++;
    this.onFailure?.(failure);
  }

  note(text: string, op?: { operationId: string; method: string; path: string }): void {
    if (op) this.operation(op).notes.push(text);
    else this.notes.push(text);
  }

  finish(baseUrl: string, startedAt: Date): Report {
    const checks: CheckSummary[] = CHECKS.filter((c) => this.selected.has(c)).map((check) => {
      const s = this.stats.get(check) ?? { passed: 0, failed: 0 };
      return {
        check,
        description: CHECK_DESCRIPTIONS[check],
        passed: s.passed,
        failed: [...this.failures.values()].filter((f) => f.check === check).length,
        skipped: s.passed + s.failed === 0,
      };
    });
    const failures = [...this.failures.values()];
    return {
      ok: failures.length === 0,
      seed: this.seed,
      baseUrl,
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      requests: this.requests,
      checks,
      operations: [...this.perOperation.values()],
      failures,
      authMatrix: this.authMatrix,
      notes: this.notes,
    };
  }
}

/** The summary table printed at the end of a CLI run. */
export function formatSummary(report: Report): string {
  const width = Math.max(...report.checks.map((c) => c.check.length), 5);
  const lines = [
    `${'Check'.padEnd(width)}  ${'Lulus/passed'.padStart(12)}  ${'Gagal/failed'.padStart(12)}`,
    `${'-'.repeat(width)}  ${'-'.repeat(12)}  ${'-'.repeat(12)}`,
  ];
  for (const c of report.checks) {
    const mark = c.failed > 0 ? '✗' : c.skipped ? '-' : '✓';
    lines.push(
      `${c.check.padEnd(width)}  ${String(c.passed).padStart(12)}  ${String(c.failed).padStart(12)}  ${mark}${c.skipped ? ' (tidak dijalankan / not run)' : ''}`,
    );
  }
  lines.push('');
  lines.push(
    `${report.requests} permintaan / requests, ${(report.durationMs / 1000).toFixed(1)} s, seed ${report.seed}: ${report.ok ? 'LULUS / PASSED' : `${report.failures.length} GAGAL / FAILED`}`,
  );
  return lines.join('\n');
}

/** A failure as printed in the terminal: operation, check, seed and a curl command. */
export function formatFailure(f: Failure): string {
  const lines = [
    `✗ ${f.check} · ${f.operationId} (${f.method} ${f.path})${f.role ? ` · role ${f.role}` : ''} · seed ${f.seed}`,
    `  ${f.message}`,
  ];
  if (f.mutation) lines.push(`  mutasi / mutation: ${f.mutation}`);
  if (f.response)
    lines.push(`  → ${f.response.status} ${f.response.body.slice(0, 300).replace(/\s+/g, ' ')}`);
  lines.push(`  ${f.curl}`);
  if (f.occurrences > 1)
    lines.push(`  (${f.occurrences}× pada operasi ini / times on this operation)`);
  return lines.join('\n');
}

function xml(s: string): string {
  return (
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}

/** JUnit XML: one test suite per check, one test case per operation that failed it, plus a passing case. */
export function toJUnit(report: Report): string {
  const suites = report.checks.map((c) => {
    const failures = report.failures.filter((f) => f.check === c.check);
    const cases = failures.map(
      (f) =>
        `    <testcase classname="${xml(c.check)}" name="${xml(`${f.operationId} (${f.method} ${f.path})`)}">\n` +
        `      <failure message="${xml(f.message)}">${xml(`${f.message}\nseed: ${f.seed}\n${f.mutation ? `mutation: ${f.mutation}\n` : ''}${f.curl}`)}</failure>\n` +
        '    </testcase>',
    );
    if (failures.length === 0) {
      cases.push(
        `    <testcase classname="${xml(c.check)}" name="${xml(c.check)}">${c.skipped ? '<skipped/>' : ''}</testcase>`,
      );
    }
    return (
      `  <testsuite name="${xml(c.check)}" tests="${cases.length}" failures="${failures.length}" skipped="${c.skipped && failures.length === 0 ? 1 : 0}">\n` +
      `${cases.join('\n')}\n  </testsuite>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="bosv2-contract-test" tests="${report.checks.length}" failures="${report.failures.length}" time="${(report.durationMs / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}

/** A self-contained HTML report: summary, failures with curl, and the role matrix. */
export function toHtml(report: Report): string {
  const rows = report.checks
    .map(
      (c) =>
        `<tr class="${c.failed ? 'bad' : c.skipped ? 'skip' : 'ok'}"><td><code>${xml(c.check)}</code></td><td>${xml(c.description)}</td><td>${c.passed}</td><td>${c.failed}</td></tr>`,
    )
    .join('\n');
  const failures = report.failures
    .map(
      (f) =>
        `<section class="failure"><h3><code>${xml(f.check)}</code> · ${xml(f.operationId)} <small>${xml(`${f.method} ${f.path}`)}</small></h3>` +
        `<p>${xml(f.message)}</p>${f.mutation ? `<p>Mutasi / mutation: ${xml(f.mutation)}</p>` : ''}` +
        `<p>Seed ${f.seed}${f.role ? ` · role ${xml(f.role)}` : ''}${f.occurrences > 1 ? ` · ${f.occurrences}×` : ''}</p>` +
        `<pre>${xml(f.curl)}</pre>${f.response ? `<pre>HTTP ${f.response.status}\n${xml(f.response.body)}</pre>` : ''}</section>`,
    )
    .join('\n');
  const roles = [...new Set(report.authMatrix.map((c) => c.role))].sort();
  const ops = [...new Set(report.authMatrix.map((c) => c.operationId))];
  const matrix = ops
    .map((op) => {
      const cells = roles.map((role) => {
        const cell = report.authMatrix.find((c) => c.operationId === op && c.role === role);
        if (!cell) return '<td></td>';
        const bad = !cell.allowed && cell.status >= 200 && cell.status < 300;
        return `<td class="${bad ? 'bad' : cell.allowed ? 'ok' : 'deny'}">${cell.status}${cell.allowed ? '' : ' ⛔'}</td>`;
      });
      return `<tr><td>${xml(op)}</td>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Laporan uji kontrak BOS V2 / contract test report</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}
tr.bad td,td.bad{background:#fdd}tr.ok td:first-child,td.ok{background:#dfd}tr.skip td{color:#888}td.deny{background:#eee}pre{background:#f6f6f6;padding:.5rem;overflow:auto;white-space:pre-wrap}</style></head>
<body><h1>Uji kontrak BOS V2 <small>(contract test)</small>: ${report.ok ? 'LULUS / PASSED' : 'GAGAL / FAILED'}</h1>
<p>${xml(report.baseUrl)} · seed ${report.seed} · ${report.requests} permintaan / requests · ${(report.durationMs / 1000).toFixed(1)} s · ${xml(report.startedAt)}</p>
<h2>Pemeriksaan / checks</h2><table><tr><th>check</th><th>what it means</th><th>lulus / passed</th><th>gagal / failed</th></tr>
${rows}</table>
<h2>Kegagalan / failures (${report.failures.length})</h2>${failures || '<p>Tidak ada / none.</p>'}
<h2>Matriks peran / role matrix</h2><p>⛔ = the role is not in <code>x-roles</code>; it must never get a 2xx.</p>
<table><tr><th>operation</th>${roles.map((r) => `<th>${xml(r)}</th>`).join('')}</tr>${matrix}</table>
${report.notes.length ? `<h2>Catatan / notes</h2><ul>${report.notes.map((n) => `<li>${xml(n)}</li>`).join('')}</ul>` : ''}
</body></html>
`;
}
