import type { Faker } from '@faker-js/faker';
import { createFaker, DEFAULT_REFERENCE_DATE, seedState } from '../store/seed.js';
import { Store } from '../store/store.js';
import type { SessionRecord, StoreState, UserRecord } from '../store/types.js';
import { handleAdmin } from './admin.js';
import type { Handler, HandlerContext, HandlerMap, HandlerResult } from './context.js';
import { FaultInjector, type FaultRule, FaultSyntaxError, parseFaults } from './faults.js';
import { countDetail, fieldMessage, pickLang } from './i18n.js';
import { decodeCursor, paginate } from './pagination.js';
import { createPrng, hash32 } from './prng.js';
import { type FieldError, ProblemError, problem, problemResponse } from './problem.js';
import { Router } from './router.js';
import { createSampler, type Sampler } from './sampler.js';
import { compileOperations, type OperationSpec } from './spec.js';
import type { EngineResult, Lang, MockRequest, MockResponse, OpenApiDocument } from './types.js';
import { type ContractValidator, validatorFor } from './validator.js';

export interface MockOptions {
  /** The bundled contract (OpenAPI 3.1 JSON). */
  spec: OpenApiDocument;
  /** Seed of the simulated data and the faults. Default 1. */
  seed?: number;
  /** Where the API is mounted. Default `/api/v2`. */
  basePath?: string;
  /** Server-wide faults in the fault grammar (see faults.ts), e.g. `latency=normal(200,50)`. */
  faults?: string;
  /**
   * Check every response against the contract: `off` (default at runtime), `warn` (record and
   * report through `onViolation`) or `strict` (also answer 500, so a test fails; use in tests).
   */
  validateResponses?: 'off' | 'warn' | 'strict';
  onViolation?: (violation: Violation) => void;
  /** Domain handlers by operationId, added to (and overriding) the built-in ones. */
  handlers?: HandlerMap;
  /** The clock, epoch milliseconds. */
  now?: () => number;
  /** The last day of the seeded history. Default 2026-11-20. */
  referenceDate?: string;
  /** Entries kept in the request journal (`GET /__mock/requests`). Default 200. */
  journalSize?: number;
  /** Largest JSON body in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Largest multipart body in bytes. Default 12 MiB. */
  maxUploadBytes?: number;
  /** Access token lifetime in seconds. Default 3600. */
  accessTokenTtl?: number;
  /** A saved state to start from instead of the seed. */
  state?: StoreState;
  /** Serve the admin endpoints under `<basePath>/__mock/`. Default true. */
  admin?: boolean;
}

export interface Violation {
  operationId: string;
  method: string;
  path: string;
  status: number;
  problems: string[];
}

export interface JournalEntry {
  seq: number;
  at: string;
  method: string;
  path: string;
  operationId: string | null;
  status: number;
  ms: number;
  faults: string[];
  role: string | null;
}

const JSON_LIKE = /^application\/(.+\+)?json$/;

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function mediaMatches(declared: string, actual: string): boolean {
  if (declared === actual || declared === '*/*') return true;
  if (declared.endsWith('/*')) return actual.startsWith(declared.slice(0, -1));
  return false;
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Length and FNV-1a hash of raw bytes (multipart bodies), cheap enough for large uploads. */
function bytesFingerprint(bytes: Uint8Array | null): string {
  if (!bytes) return 'none';
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i] as number;
    h = Math.imul(h, 0x01000193);
  }
  return `bytes:${bytes.length}:${(h >>> 0).toString(16)}`;
}

const decoder = new TextDecoder('utf-8', { fatal: true });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Thrown by the pipeline for refusals that come before any handler (no op-level status check). */
class PipelineProblem extends ProblemError {}

/**
 * The mock's engine: routes a request to an operation of the contract, validates it, applies
 * auth, roles, idempotency and faults, runs the domain handler (or a generic one) and checks
 * the answer against the contract. Every adapter (msw, fetch, node:http) calls `handle()`.
 */
export class MockEngine {
  readonly doc: OpenApiDocument;
  readonly ops: OperationSpec[];
  readonly router: Router;
  readonly validator: ContractValidator;
  readonly basePath: string;
  readonly faults: FaultInjector;
  readonly violations: Violation[] = [];
  store: Store;
  seed: number;
  private handlers: Map<string, Handler>;
  private journal: JournalEntry[] = [];
  private seq = 0;
  private idempotencyWrites = 0;
  private readonly options: MockOptions;
  private readonly nowFn: () => number;
  private problemPointer: string | null;
  /** Extra behaviour a domain module installs on reset (seeders of collections). */
  private setups: ((engine: MockEngine) => void)[] = [];

  constructor(
    options: MockOptions,
    builtins: { handlers: HandlerMap; setup?: (engine: MockEngine) => void }[] = [],
  ) {
    this.options = options;
    this.doc = options.spec;
    this.basePath = (options.basePath ?? '/api/v2').replace(/\/$/, '');
    this.seed = options.seed ?? 1;
    this.nowFn = options.now ?? Date.now;
    this.ops = compileOperations(this.doc);
    this.router = new Router(this.ops);
    this.validator = validatorFor(this.doc);
    this.problemPointer = (this.doc.components?.schemas as Record<string, unknown> | undefined)
      ?.Problem
      ? '#/components/schemas/Problem'
      : null;
    this.handlers = new Map();
    for (const b of builtins) {
      for (const [id, h] of Object.entries(b.handlers)) this.handlers.set(id, h);
      if (b.setup) this.setups.push(b.setup);
    }
    for (const [id, h] of Object.entries(options.handlers ?? {})) this.handlers.set(id, h);
    this.faults = new FaultInjector(createPrng(hash32(`faults:${this.seed}`)));
    if (options.faults) this.setFaults([{ text: options.faults }]);
    this.store = new Store(options.state ?? seedState(this.seed));
    for (const s of this.setups) s(this);
  }

  get referenceDate(): Date {
    return new Date(this.options.referenceDate ?? DEFAULT_REFERENCE_DATE);
  }

  now(): number {
    return this.nowFn();
  }

  /** Operations that have a domain handler (the rest answer from the generic handler). */
  handledOperations(): string[] {
    return this.ops.filter((o) => this.handlers.has(o.operationId)).map((o) => o.operationId);
  }

  /** A faker seeded from the engine's seed and a label, for deterministic data. */
  fakerFor(label: string): Faker {
    return createFaker(hash32(`${label}:${this.seed}`));
  }

  samplerFor(label: string): Sampler {
    return createSampler(this.doc, this.fakerFor(label));
  }

  /** Back to the seeded state (optionally with another seed); faults and journal are cleared. */
  reset(seed?: number): void {
    if (seed !== undefined) this.seed = seed;
    this.store = new Store(seedState(this.seed));
    this.faults.setRng(createPrng(hash32(`faults:${this.seed}`)));
    this.faults.setRules([]);
    this.journal = [];
    this.violations.length = 0;
    for (const s of this.setups) s(this);
  }

  restore(state: StoreState): void {
    if (state?.format !== 'bosv2-mock-state@1') throw new Error('Not a bosv2-mock state file');
    this.seed = state.seed;
    this.store = new Store(seedState(state.seed));
    for (const s of this.setups) s(this);
    this.store.replace(state);
  }

  snapshot(): StoreState {
    this.store.seedAll();
    return JSON.parse(JSON.stringify(this.store.state)) as StoreState;
  }

  setFaults(rules: { text: string; pathPrefix?: string; methods?: string[] }[]): void {
    const compiled: FaultRule[] = rules.map((r) => ({
      text: r.text,
      faults: parseFaults(r.text),
      ...(r.pathPrefix ? { pathPrefix: r.pathPrefix } : {}),
      ...(r.methods ? { methods: r.methods.map((m) => m.toUpperCase()) } : {}),
    }));
    this.faults.setRules(compiled);
  }

  requests(limit = 100): JournalEntry[] {
    return this.journal.slice(-limit);
  }

  /** Compiles every validator now, so later first requests do not pay for it. */
  warmUp(): void {
    this.validator.warmUp(this.ops);
  }

  // ---------------------------------------------------------------------------------------

  async handle(req: MockRequest): Promise<EngineResult> {
    const started = this.nowFn();
    const lang = pickLang(req.headers['accept-language']);
    const method = req.method.toUpperCase();
    let path = req.pathname;
    if (this.basePath && (path === this.basePath || path.startsWith(`${this.basePath}/`))) {
      path = path.slice(this.basePath.length) || '/';
    } else if (this.basePath) {
      return {
        response: problemResponse(problem('not-found', lang, { detail: `${req.pathname}` })),
      };
    }

    if (path.startsWith('/__mock/') || path === '/__mock') {
      if (this.options.admin === false)
        return { response: problemResponse(problem('not-found', lang)) };
      return { response: await handleAdmin(this, method, path, req) };
    }

    const match = this.router.match(method, path);
    let result: EngineResult;
    let user: UserRecord | null = null;
    let faultsApplied: string[] = [];
    if (match.kind === 'not-found') {
      result = {
        response: problemResponse(
          problem('not-found', lang, {
            detail: method === 'GET' ? undefined : `${method} ${path}`,
          }),
        ),
      };
    } else if (match.kind === 'method-not-allowed') {
      result = {
        response: problemResponse(
          problem('method-not-allowed', lang, {
            detail:
              lang === 'en'
                ? `Allowed: ${match.allow.join(', ')}`
                : `Metode yang diizinkan: ${match.allow.join(', ')}`,
          }),
          { allow: match.allow.join(', ') },
        ),
      };
    } else {
      const op = match.op;
      let decision: ReturnType<FaultInjector['decide']>;
      try {
        decision = this.faults.decide(method, path, req.headers['x-mock-fault']);
      } catch (error) {
        if (!(error instanceof FaultSyntaxError)) throw error;
        const p = problem('validation-failed', lang, {
          detail: countDetail(1, lang),
          errors: [
            {
              field: 'header.X-Mock-Fault',
              code: 'pattern',
              message: `${fieldMessage('pattern', lang)} ${error.message}`,
            },
          ],
        });
        return this.finish(req, method, path, op, started, null, [], {
          response: problemResponse(p),
        });
      }
      faultsApplied = decision.applied;
      if (decision.latencyMs > 0) await sleep(decision.latencyMs);
      if (decision.offline) {
        result = { response: { status: 0, headers: {}, body: null }, network: { kind: 'offline' } };
        return this.finish(req, method, path, op, started, null, faultsApplied, result);
      }
      if (decision.retryAfter429 !== null) {
        const p = problem('rate-limited', lang, {
          detail:
            lang === 'en'
              ? `Simulated: try again in ${decision.retryAfter429} seconds.`
              : `Simulasi: coba lagi dalam ${decision.retryAfter429} detik.`,
        });
        result = {
          response: problemResponse(p, { 'retry-after': String(decision.retryAfter429) }),
        };
      } else if (decision.status5xx !== null) {
        const code = decision.status5xx === 503 ? 'service-unavailable' : 'server-error';
        const p = problem(code, lang, {
          status: decision.status5xx,
          detail: lang === 'en' ? 'Simulated server failure.' : 'Simulasi gangguan server.',
        });
        result = {
          response: problemResponse(p, decision.status5xx === 503 ? { 'retry-after': '1' } : {}),
        };
      } else {
        const out = await this.process(req, op, match.params, lang);
        user = out.user;
        result = { response: out.response, operationId: op.operationId };
        if (decision.dropAfterWrite) result.network = { kind: 'drop' };
        if (decision.slowBody) result.slowBody = decision.slowBody;
        if (decision.truncate) result.truncate = true;
      }
      return this.finish(req, method, path, op, started, user, faultsApplied, result);
    }
    return this.finish(req, method, path, null, started, user, faultsApplied, result);
  }

  private finish(
    req: MockRequest,
    method: string,
    path: string,
    op: OperationSpec | null,
    started: number,
    user: UserRecord | null,
    faults: string[],
    result: EngineResult,
  ): EngineResult {
    const entry: JournalEntry = {
      seq: ++this.seq,
      at: new Date(this.nowFn()).toISOString(),
      method,
      path: req.pathname,
      operationId: op?.operationId ?? null,
      status: result.response.status,
      ms: this.nowFn() - started,
      faults,
      role: user?.role ?? null,
    };
    this.journal.push(entry);
    const max = this.options.journalSize ?? 200;
    if (this.journal.length > max) this.journal.splice(0, this.journal.length - max);
    void path;
    return result;
  }

  private async process(
    req: MockRequest,
    op: OperationSpec,
    pathParams: Record<string, string>,
    lang: Lang,
  ): Promise<{ response: MockResponse; user: UserRecord | null }> {
    let user: UserRecord | null = null;
    let accessToken: string | null = null;
    try {
      // Authentication and roles come first: a stranger learns nothing from validation errors.
      const auth = req.headers.authorization;
      const m = auth ? /^Bearer\s+(\S+)$/i.exec(auth.trim()) : null;
      if (m) accessToken = m[1] as string;
      if (!op.isPublic) {
        if (!accessToken)
          throw new PipelineProblem(
            problem('unauthenticated', lang, {
              detail:
                lang === 'en'
                  ? 'Send Authorization: Bearer <accessToken> from a login.'
                  : 'Kirim Authorization: Bearer <accessToken> dari proses masuk.',
            }),
          );
        const session = this.store.state.sessions[accessToken];
        if (!session) throw new PipelineProblem(problem('unauthenticated', lang));
        if (session.expiresAt <= this.nowFn())
          throw new PipelineProblem(problem('token-expired', lang));
        user = this.store.user(session.userId) ?? null;
        if (!user) throw new PipelineProblem(problem('unauthenticated', lang));
        if (op.roles.length && !op.roles.includes(user.role)) {
          throw new PipelineProblem(
            problem('forbidden', lang, {
              detail:
                lang === 'en'
                  ? `The role ${user.role} may not do this.`
                  : `Peran ${user.role} tidak dapat melakukan ini.`,
            }),
          );
        }
      } else if (accessToken) {
        const session: SessionRecord | undefined = this.store.state.sessions[accessToken];
        if (session && session.expiresAt > this.nowFn())
          user = this.store.user(session.userId) ?? null;
      }

      if (op.ifMatch && !req.headers['if-match'])
        throw new PipelineProblem(problem('precondition-required', lang));

      // The body: media type, size, syntax.
      let body: unknown;
      let bodyPointer: string | null = null;
      const hasBody = req.body !== null && req.body.byteLength > 0;
      if (op.requestBody) {
        const ct = mediaType(req.headers['content-type']);
        if (!hasBody) {
          if (op.requestBody.required) {
            throw new PipelineProblem(
              problem('validation-failed', lang, {
                detail: countDetail(1, lang),
                errors: [
                  { field: 'body', code: 'required', message: fieldMessage('required', lang) },
                ],
              }),
            );
          }
        } else {
          const declared = Object.keys(op.requestBody.content);
          const match = declared.find((d) => mediaMatches(d.toLowerCase(), ct));
          if (!match) {
            throw new PipelineProblem(
              problem('unsupported-media-type', lang, {
                detail:
                  lang === 'en'
                    ? `Send ${declared.join(' or ')}.`
                    : `Kirim ${declared.join(' atau ')}.`,
              }),
            );
          }
          const multipart = match.startsWith('multipart/');
          const limit = multipart
            ? (this.options.maxUploadBytes ?? 12 * 1024 * 1024)
            : (this.options.maxBodyBytes ?? 1024 * 1024);
          if (req.bodyTooLarge || (req.body as Uint8Array).byteLength > limit) {
            throw new PipelineProblem(
              problem('payload-too-large', lang, {
                detail: lang === 'en' ? `At most ${limit} bytes.` : `Maksimal ${limit} byte.`,
              }),
            );
          }
          bodyPointer = op.requestBody.content[match] ?? null;
          if (JSON_LIKE.test(match) || JSON_LIKE.test(ct)) {
            try {
              body = JSON.parse(decoder.decode(req.body as Uint8Array));
            } catch {
              throw new PipelineProblem(
                problem('malformed-request', lang, {
                  detail:
                    lang === 'en'
                      ? 'The body is not valid JSON.'
                      : 'Isi permintaan bukan JSON yang valid.',
                }),
              );
            }
          } else if (multipart) {
            body = await parseMultipart(req, ct);
            if (body === null)
              throw new PipelineProblem(
                problem('malformed-request', lang, {
                  detail:
                    lang === 'en'
                      ? 'The multipart body cannot be read.'
                      : 'Isi multipart tidak dapat dibaca.',
                }),
              );
            bodyPointer = null; // files are checked by the handler
          } else {
            body = req.body;
            bodyPointer = null;
          }
        }
      }

      // Parameters and body against the schemas.
      const pathValues: Record<string, unknown> = { ...pathParams };
      const query: Record<string, unknown> = {};
      const headers: Record<string, unknown> = {};
      for (const p of op.parameters) {
        if (p.in === 'query') {
          if (this.validator.isArrayParam(p)) {
            const all = req.query.getAll(p.name);
            if (all.length) query[p.name] = all;
          } else {
            const v = req.query.get(p.name);
            if (v !== null) query[p.name] = v;
          }
        } else if (p.in === 'header') {
          const v = req.headers[p.name.toLowerCase()];
          if (v !== undefined) headers[p.name.toLowerCase()] = v;
        }
      }
      const errors: FieldError[] = [
        ...this.validator.validateParams(op, 'path', pathValues, lang),
        ...this.validator.validateParams(op, 'query', query, lang),
        ...this.validator.validateParams(op, 'header', headers, lang),
      ];
      if (bodyPointer && body !== undefined)
        errors.push(...this.validator.validateBody(bodyPointer, body, lang));
      if (typeof query.cursor === 'string' && decodeCursor(query.cursor) === null) {
        errors.push({
          field: 'query.cursor',
          code: 'cursor',
          message: fieldMessage('cursor', lang),
        });
      }
      if (errors.length)
        throw new PipelineProblem(
          problem('validation-failed', lang, { detail: countDetail(errors.length, lang), errors }),
        );

      // Idempotency: a repeat returns the first answer.
      const idemKey = op.idempotent
        ? (headers['idempotency-key'] as string | undefined)
        : undefined;
      const idemId = idemKey ? `${user?.id ?? 'anon'} ${op.operationId} ${idemKey}` : null;
      const fingerprint = idemId
        ? `${req.method} ${req.pathname} ${bodyPointer || body === undefined ? stableStringify(body ?? null) : bytesFingerprint(req.body)}`
        : '';
      if (idemId) {
        const prior = this.store.state.idempotency[idemId];
        if (prior) {
          if (prior.fingerprint !== fingerprint)
            throw new ProblemError(
              problem('idempotency-key-reused', lang, {
                detail:
                  lang === 'en'
                    ? 'This Idempotency-Key was used with another body.'
                    : 'Idempotency-Key ini sudah dipakai untuk data lain.',
              }),
            );
          return {
            user,
            response: {
              status: prior.status,
              headers: { ...prior.headers, 'idempotent-replayed': 'true' },
              body: prior.body,
            },
          };
        }
      }

      const handler = this.handlers.get(op.operationId) ?? this.handlers.get('*');
      if (!handler) throw new Error(`No handler for ${op.operationId}`);
      const ctx = this.context(op, pathValues, query, headers, body, user, accessToken, lang, req);
      const out = await handler(ctx);
      const response = this.toResponse(op, out);
      this.check(op, req, response, false);

      if (idemId && response.status < 500) {
        const store = this.store.state.idempotency;
        store[idemId] = {
          fingerprint,
          status: response.status,
          headers: response.headers,
          body: typeof response.body === 'string' ? response.body : null,
          at: this.nowFn(),
        };
        // Bounded: every 1,000 writes, keep the newest 10,000 keys.
        if (++this.idempotencyWrites % 1000 === 0) {
          const keys = Object.keys(store);
          if (keys.length > 10_000)
            for (const k of keys.slice(0, keys.length - 10_000)) delete store[k];
        }
      }
      return { user, response };
    } catch (error) {
      if (error instanceof ProblemError) {
        const response = problemResponse(error.problem, error.headers);
        this.check(op, req, response, error instanceof PipelineProblem);
        return { user, response };
      }
      // A bug in a handler: answer 500 problem+json, never a stack trace.
      const response = problemResponse(
        problem('server-error', lang, {
          detail: String((error as Error)?.message ?? error).slice(0, 200),
        }),
      );
      this.recordViolation({
        operationId: op.operationId,
        method: req.method,
        path: req.pathname,
        status: 500,
        problems: [`handler threw: ${(error as Error)?.stack ?? error}`],
      });
      return { user, response };
    }
  }

  private context(
    op: OperationSpec,
    path: Record<string, unknown>,
    query: Record<string, unknown>,
    headers: Record<string, unknown>,
    body: unknown,
    user: UserRecord | null,
    accessToken: string | null,
    lang: Lang,
    req: MockRequest,
  ): HandlerContext {
    const engine = this;
    let faker: Faker | null = null;
    let sampler: Sampler | null = null;
    const label = `${op.operationId}:${this.seq}`;
    const ctx: HandlerContext = {
      op,
      path,
      query,
      headers,
      body,
      user,
      accessToken,
      lang,
      store: this.store,
      doc: this.doc,
      basePath: this.basePath,
      now: () => engine.nowFn(),
      get faker() {
        faker ??= engine.fakerFor(label);
        return faker;
      },
      get sampler() {
        sampler ??= createSampler(engine.doc, ctx.faker);
        return sampler;
      },
      t: (id, en) => (lang === 'en' ? en : id),
      fail: (code, extra = {}) => {
        throw new ProblemError(problem(code, lang, extra), extra.headers ?? {});
      },
      page: (items, options = {}) => {
        const offset = options.cursor ? (decodeCursor(options.cursor) ?? 0) : 0;
        return paginate(items, offset, options.limit ?? 20);
      },
      checkIfMatch: (version) => {
        const header = String(req.headers['if-match'] ?? '');
        const tags = header.split(',').map((s) => s.trim().replace(/^W\//, ''));
        if (!tags.includes('*') && !tags.includes(`"${version}"`)) {
          throw new ProblemError(
            problem('precondition-failed', lang, {
              detail:
                lang === 'en' ? `The current ETag is "${version}".` : `ETag saat ini "${version}".`,
            }),
          );
        }
      },
      etag: (version) => `"${version}"`,
      uuid: () => crypto.randomUUID(),
    };
    return ctx;
  }

  private toResponse(op: OperationSpec, out: HandlerResult): MockResponse {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(out.headers ?? {})) headers[k.toLowerCase()] = v;
    if (out.body === undefined || out.status === 204 || out.status === 304)
      return { status: out.status, headers, body: null };
    if (out.body instanceof Uint8Array)
      return {
        status: out.status,
        headers: { 'content-type': 'application/octet-stream', ...headers },
        body: out.body,
      };
    if (!headers['content-type']) {
      if (out.status >= 400) headers['content-type'] = 'application/problem+json';
      else {
        const declared = Object.keys(op.responses[String(out.status)]?.content ?? {});
        headers['content-type'] = declared.find((d) => JSON_LIKE.test(d)) ?? 'application/json';
      }
    }
    const body =
      typeof out.body === 'string' && !JSON_LIKE.test(mediaType(headers['content-type']))
        ? out.body
        : JSON.stringify(out.body);
    return { status: out.status, headers, body };
  }

  private recordViolation(v: Violation): void {
    if (this.violations.length < 1000) this.violations.push(v);
    this.options.onViolation?.(v);
  }

  /** Checks a response against the contract (when validation is on). */
  private check(
    op: OperationSpec,
    req: MockRequest,
    response: MockResponse,
    pipeline: boolean,
  ): void {
    const mode = this.options.validateResponses ?? 'off';
    if (mode === 'off') return;
    const problems = this.conformance(op, response, pipeline);
    if (!problems.length) return;
    this.recordViolation({
      operationId: op.operationId,
      method: req.method,
      path: req.pathname,
      status: response.status,
      problems,
    });
    if (mode === 'strict') {
      const p = problem('server-error', 'en', {
        detail: `Response does not conform to the contract: ${problems.join('; ')}`.slice(0, 1000),
      });
      response.status = 500;
      response.headers = { 'content-type': 'application/problem+json' };
      response.body = JSON.stringify(p);
    }
  }

  /** What is wrong with a response for this operation (empty when it conforms). */
  conformance(op: OperationSpec, response: MockResponse, pipeline = false): string[] {
    const problems: string[] = [];
    const ct = mediaType(response.headers['content-type']);
    let parsed: unknown;
    if (response.body !== null && JSON_LIKE.test(ct)) {
      try {
        parsed = JSON.parse(
          typeof response.body === 'string' ? response.body : decoder.decode(response.body),
        );
      } catch {
        return ['body is not JSON'];
      }
    }
    if (pipeline) {
      // Refusals before any handler (401, 403, 413, 415, 400 ...) must be problem+json.
      if (ct !== 'application/problem+json')
        problems.push(`content-type ${ct} is not application/problem+json`);
      else if (this.problemPointer)
        problems.push(...this.validator.validateResponse(this.problemPointer, parsed));
      return problems;
    }
    const status = String(response.status);
    const spec = op.responses[status] ?? op.responses[`${status[0]}XX`] ?? op.responses.default;
    if (!spec) return [`status ${status} is not declared for ${op.operationId}`];
    const declared = Object.keys(spec.content);
    if (response.body === null) {
      if (declared.length)
        problems.push(`status ${status} must have a body (${declared.join(', ')})`);
    } else {
      const media = declared.find((d) => mediaMatches(d, ct));
      if (!media)
        problems.push(
          `content-type ${ct || '(none)'} is not declared for ${status} (${declared.join(', ') || 'no body'})`,
        );
      else {
        const pointer = spec.content[media];
        if (pointer && parsed !== undefined)
          problems.push(...this.validator.validateResponse(pointer, parsed));
      }
    }
    for (const [name, h] of Object.entries(spec.headers)) {
      if (h.required && response.headers[name] === undefined)
        problems.push(`header ${name} is required`);
    }
    return problems;
  }
}

async function parseMultipart(
  req: MockRequest,
  contentType: string,
): Promise<Record<string, unknown> | null> {
  try {
    const r = new Request('http://mock.local/', {
      method: 'POST',
      headers: { 'content-type': req.headers['content-type'] ?? contentType },
      body: req.body as unknown as BodyInit,
    });
    const form = await r.formData();
    const out: Record<string, unknown> = {};
    for (const [k, v] of form.entries()) {
      if (typeof v === 'string') out[k] = v;
      else
        out[k] = {
          name: v.name,
          type: v.type,
          size: v.size,
          bytes: new Uint8Array(await v.arrayBuffer()),
        };
    }
    return out;
  } catch {
    return null;
  }
}
