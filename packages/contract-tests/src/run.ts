import { type Credential, findLoginOperations, login, parseCredential } from './auth.js';
import { CHECKS, type CheckName } from './checks.js';
import { RunContext } from './context.js';
import { authMatrix, fuzzOperation, unsupportedMethods } from './fuzz.js';
import { type Failure, Recorder, type Report } from './report.js';
import { listOperations, loadSpec, type OpenApiDocument } from './spec.js';
import {
  crudFlow,
  deleteFlow,
  findResources,
  idempotencyFlow,
  isPagedList,
  lifecycleFlow,
  paginationFlow,
} from './stateful.js';
import { Validator } from './validator.js';

export type ProgressEvent =
  | { type: 'phase'; phase: string }
  | { type: 'operation'; phase: string; operationId: string; done: number; total: number }
  | { type: 'failure'; failure: Failure };

export interface ContractTestOptions {
  /** Where the API lives, with its prefix: `http://127.0.0.1:4010/api/v2`. */
  baseUrl: string;
  /** The OpenAPI document (object or JSON/YAML path). Default: the BOS V2 contract. */
  spec?: OpenApiDocument | string;
  /** A bearer token used for every protected operation when no role token fits. */
  token?: string;
  /** Bearer tokens per role. */
  tokens?: Record<string, string>;
  /** Credentials per role (`{ supervisor: { username, password } }` or `['supervisor=nrp:pass']`), logged in through the contract's login operations. */
  credentials?: Record<string, Credential> | string[];
  /** Seed of the generated requests (default: random, printed in the report). */
  seed?: number;
  /** Only these operationIds. */
  operations?: string[];
  /** Only these checks (default: all). */
  checks?: CheckName[];
  /** Generated requests per operation and mode (valid, invalid). Default 50. */
  maxExamples?: number;
  /** Limit for `max_response_time`, in ms. Default 5000. */
  maxResponseTimeMs?: number;
  /** Operations fuzzed at once. Default 4. */
  concurrency?: number;
  /** Per-request timeout in ms. Default 30000. */
  timeoutMs?: number;
  onProgress?: (event: ProgressEvent) => void;
}

export const DEFAULT_MAX_EXAMPLES = 50;

const FUZZ_CHECKS: CheckName[] = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
  'negative_data_rejection',
  'positive_data_acceptance',
  'missing_required_header',
  'max_response_time',
];

async function pool<T>(
  items: T[],
  size: number,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(size, items.length)) }, async () => {
    while (next < items.length) {
      const index = next++;
      await fn(items[index] as T, index);
    }
  });
  await Promise.all(workers);
}

/**
 * Runs the whole kit against a server and returns the report. Never throws for contract
 * violations (they are in `report.failures`); throws when the server or spec cannot be used.
 *
 * @example
 * const report = await runContractTests({
 *   baseUrl: 'http://127.0.0.1:4010/api/v2',
 *   credentials: ['bhabinkamtibmas=85061234:latihan-bos-v2'],
 *   seed: 42,
 * });
 * if (!report.ok) console.log(report.failures.map((f) => f.curl).join('\n'));
 */
export async function runContractTests(options: ContractTestOptions): Promise<Report> {
  const startedAt = new Date();
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const doc = await loadSpec(options.spec === undefined ? {} : { spec: options.spec });
  const validator = new Validator(doc);
  const operations = listOperations(doc);
  const selectedChecks = new Set<CheckName>(options.checks?.length ? options.checks : CHECKS);
  for (const c of selectedChecks) {
    if (!(CHECKS as readonly string[]).includes(c))
      throw new Error(`Pemeriksaan tidak dikenal / unknown check: ${c}`);
  }
  const emit = options.onProgress ?? (() => {});
  const recorder = new Recorder(seed, selectedChecks, (failure) =>
    emit({ type: 'failure', failure }),
  );
  const credentials = new Map<string, Credential>(
    Array.isArray(options.credentials)
      ? options.credentials.map(parseCredential)
      : Object.entries(options.credentials ?? {}),
  );
  const loginOps = findLoginOperations(doc, operations);
  const ctx = new RunContext(doc, validator, operations, recorder, {
    baseUrl: options.baseUrl,
    seed,
    maxExamples: options.maxExamples ?? DEFAULT_MAX_EXAMPLES,
    maxResponseTimeMs: options.maxResponseTimeMs ?? 5000,
    credentials,
    loginOps,
    timeoutMs: options.timeoutMs ?? 30_000,
  });
  ctx.defaultToken = options.token;
  for (const [role, token] of Object.entries(options.tokens ?? {})) ctx.tokens.set(role, token);

  emit({ type: 'phase', phase: 'login' });
  for (const [role, credential] of credentials) {
    const result = await login(doc, validator, loginOps, options.baseUrl, credential);
    if (!result)
      throw new Error(
        `Gagal masuk sebagai ${role} (login failed for role ${role} as ${credential.username})`,
      );
    if (result.role && result.role !== role) {
      recorder.note(
        `${credential.username} masuk dengan peran ${result.role}, bukan ${role} (logged in as ${result.role}, not ${role})`,
      );
    }
    ctx.tokens.set(role, result.token);
  }

  const wanted = options.operations?.length ? new Set(options.operations) : undefined;
  if (wanted) {
    const unknown = [...wanted].filter((id) => !operations.some((o) => o.operationId === id));
    if (unknown.length)
      throw new Error(`operationId tidak dikenal / unknown operationIds: ${unknown.join(', ')}`);
  }
  const selected = operations.filter((o) => !wanted || wanted.has(o.operationId));
  const any = (...checks: CheckName[]) => checks.some((c) => selectedChecks.has(c));

  if (any('pagination_consistency')) {
    emit({ type: 'phase', phase: 'pagination' });
    const lists = selected.filter((o) => isPagedList(ctx, o));
    for (const [i, op] of lists.entries()) {
      await paginationFlow(ctx, op);
      emit({
        type: 'operation',
        phase: 'pagination',
        operationId: op.operationId,
        done: i + 1,
        total: lists.length,
      });
    }
  }

  if (any(...FUZZ_CHECKS)) {
    emit({ type: 'phase', phase: 'fuzz' });
    let done = 0;
    await pool(selected, options.concurrency ?? 4, async (op) => {
      await fuzzOperation(ctx, op, 'valid');
      await fuzzOperation(ctx, op, 'invalid');
      emit({
        type: 'operation',
        phase: 'fuzz',
        operationId: op.operationId,
        done: ++done,
        total: selected.length,
      });
    });
  }

  const resources = findResources(operations).filter(
    (r) => !wanted || wanted.has(r.create.operationId),
  );
  if (resources.length > 0) {
    emit({ type: 'phase', phase: 'stateful' });
    for (const [i, resource] of resources.entries()) {
      if (
        any(
          'ensure_resource_availability',
          'ignored_auth',
          'missing_required_header',
          'stale_etag_rejected',
        )
      ) {
        await crudFlow(ctx, resource);
      }
      if (any('use_after_free', 'ensure_resource_availability')) await deleteFlow(ctx, resource);
      if (any('lifecycle_order')) {
        await lifecycleFlow(ctx, resource, 'APPROVE');
        await lifecycleFlow(ctx, resource, 'RETURN');
      }
      if (any('idempotent_replay')) await idempotencyFlow(ctx, resource.create);
      emit({
        type: 'operation',
        phase: 'stateful',
        operationId: resource.create.operationId,
        done: i + 1,
        total: resources.length,
      });
    }
  }

  if (any('ignored_auth')) {
    emit({ type: 'phase', phase: 'auth' });
    for (const [i, op] of selected.entries()) {
      await authMatrix(ctx, op);
      emit({
        type: 'operation',
        phase: 'auth',
        operationId: op.operationId,
        done: i + 1,
        total: selected.length,
      });
    }
  }

  if (any('unsupported_method', 'allow_header_conformance')) {
    emit({ type: 'phase', phase: 'methods' });
    const paths = [...new Set(selected.map((o) => o.path))];
    for (const [i, path] of paths.entries()) {
      await unsupportedMethods(ctx, path);
      emit({
        type: 'operation',
        phase: 'methods',
        operationId: path,
        done: i + 1,
        total: paths.length,
      });
    }
  }

  return recorder.finish(options.baseUrl, startedAt);
}
