import type { Faker } from '@faker-js/faker';
import { stateProblem } from '../store/check.js';
import {
  createFaker,
  DEFAULT_REFERENCE_DATE,
  fakerLoaded,
  loadFaker,
  seedState,
} from '../store/seed.js';
import { Store } from '../store/store.js';
import type { SessionRecord, StoreState, UserRecord } from '../store/types.js';
import { handleAdmin } from './admin.js';
import {
  type Handler,
  type HandlerContext,
  type HandlerMap,
  type HandlerResult,
  isLight,
  type Page,
  type PageOptions,
} from './context.js';
import { FaultInjector, type FaultRule, FaultSyntaxError, parseFaults } from './faults.js';
import { countDetail, fieldMessage, pickLang } from './i18n.js';
import { decodeCursor, paginate } from './pagination.js';
import { parsePrefer, preferredResponse } from './prefer.js';
import { createPrng, hash32 } from './prng.js';
import {
  type FieldError,
  problem as makeProblem,
  type Problem,
  ProblemError,
  type ProblemTypes,
  problemResponse,
  problemTypesOf,
} from './problem.js';
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

/** A journal entry as kept: the time as epoch milliseconds, formatted when read. */
type JournalRecord = Omit<JournalEntry, 'at'> & { at: number };

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

/**
 * Whether two idempotency fingerprints (`METHOD path body`) name the same request: the same
 * text, or JSON bodies that are the same value (key order and spacing do not matter).
 */
function sameFingerprint(a: string, b: string): boolean {
  if (a === b) return true;
  const head = (f: string) => f.indexOf(' ', f.indexOf(' ') + 1);
  const ia = head(a);
  const ib = head(b);
  if (ia < 0 || ib < 0 || a.slice(0, ia) !== b.slice(0, ib)) return false;
  const canonical = (text: string): string | null => {
    if (text.startsWith('bytes:')) return text;
    try {
      return stableStringify(JSON.parse(text));
    } catch {
      return null;
    }
  };
  const ca = canonical(a.slice(ia + 1));
  return ca !== null && ca === canonical(b.slice(ib + 1));
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

/** JSON of frozen bodies (reference data such as regions: immutable), made once. */
const frozenJson = new WeakMap<object, string>();

function serialize(body: unknown): string {
  if (body === null || typeof body !== 'object' || !Object.isFrozen(body))
    return JSON.stringify(body);
  let json = frozenJson.get(body);
  if (json === undefined) {
    json = JSON.stringify(body);
    frozenJson.set(body, json);
  }
  return json;
}
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
  seed: number;
  private handlers: Map<string, Handler>;
  /** Newest last; trimmed in batches (no copy of the whole journal per request). */
  private journal: JournalRecord[] = [];
  private seq = 0;
  private readonly options: MockOptions;
  private readonly nowFn: () => number;
  private problemPointer: string | null;
  /** Status and titles of the problem codes, from the contract's `x-problem-types`. */
  readonly problemTypes: ProblemTypes;
  /** Extra behaviour a domain module installs on reset (seeders of collections). */
  private setups: ((engine: MockEngine) => void)[] = [];
  private currentStore: Store | null = null;
  /** The state to start from (options.state) until the store is built. */
  private initialState: StoreState | undefined;
  private preparing: Promise<void> | null = null;
  /** Responses waiting for their check (warn mode checks after answering). */
  private pendingChecks: {
    op: OperationSpec;
    method: string;
    pathname: string;
    response: MockResponse;
    pipeline: boolean;
  }[] = [];

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
    this.problemTypes = problemTypesOf(this.doc);
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
    this.initialState = options.state;
    // The library has faker at hand and seeds now; the CLI seeds after its first answer.
    if (fakerLoaded()) this.buildStore();
  }

  /** The simulated data (seeded on first use). */
  get store(): Store {
    return this.currentStore ?? this.buildStore();
  }

  set store(store: Store) {
    this.currentStore = store;
  }

  private buildStore(): Store {
    const store = new Store(this.initialState ?? seedState(this.seed));
    this.initialState = undefined;
    this.currentStore = store;
    for (const s of this.setups) s(this);
    return store;
  }

  /**
   * Loads what most requests need and the CLI defers past its first answer: faker, the seeded
   * store and the validators. Immediate in the library, where both are loaded up front.
   */
  prepare(): Promise<void> {
    if (this.currentStore && this.validator.ready) return Promise.resolve();
    this.preparing ??= Promise.all([loadFaker(), this.validator.load()]).then(() => {
      void this.store;
    });
    return this.preparing;
  }

  private get prepared(): boolean {
    return this.currentStore !== null && this.validator.ready;
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

  /**
   * Replaces the state with a saved one. A damaged state throws (the admin API answers 400) and
   * leaves the current state as it was.
   */
  restore(state: StoreState): void {
    const problem = stateProblem(state);
    if (problem) throw new Error(problem);
    const previous = { store: this.currentStore, seed: this.seed };
    try {
      this.seed = state.seed;
      this.store = new Store(seedState(state.seed));
      for (const s of this.setups) s(this);
      this.store.replace(state);
    } catch (error) {
      this.currentStore = previous.store;
      this.seed = previous.seed;
      throw error;
    }
  }

  /**
   * A copy of the whole state, for `restore()`. By default every collection is seeded first, so
   * the copy describes the whole world. With `complete: false`, collections never read are left
   * out (no simulated history is generated just to be saved): restoring such a copy seeds them
   * from the seed when they are first read, as the live server would have.
   */
  snapshot(options: { complete?: boolean } = {}): StoreState {
    if (options.complete !== false) this.store.seedAll();
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
    const max = this.options.journalSize ?? 200;
    if (this.journal.length > max) this.journal.splice(0, this.journal.length - max);
    return this.journal.slice(-limit).map((e) => ({ ...e, at: new Date(e.at).toISOString() }));
  }

  /** Compiles every validator now, so later first requests do not pay for it. */
  warmUp(): void {
    this.validator.warmUp(this.ops);
  }

  /** A problem with this contract's title for the code. */
  problem(code: string, lang: Lang, extra: Parameters<typeof makeProblem>[2] = {}): Problem {
    return makeProblem(code, lang, extra, this.problemTypes);
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
        response: problemResponse(this.problem('not-found', lang, { detail: `${req.pathname}` })),
      };
    }

    if (path.startsWith('/__mock/') || path === '/__mock') {
      if (this.options.admin === false)
        return { response: problemResponse(this.problem('not-found', lang)) };
      if (!this.prepared) await this.prepare();
      return { response: await handleAdmin(this, method, path, req) };
    }

    const match = this.router.match(method, path);
    let result: EngineResult;
    let user: UserRecord | null = null;
    let faultsApplied: string[] = [];
    if (match.kind === 'not-found') {
      result = {
        response: problemResponse(
          this.problem('not-found', lang, {
            detail: method === 'GET' ? undefined : `${method} ${path}`,
          }),
        ),
      };
    } else if (match.kind === 'method-not-allowed') {
      result = {
        response: problemResponse(
          this.problem('method-not-allowed', lang, {
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
        const p = this.problem('validation-failed', lang, {
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
        const p = this.problem('rate-limited', lang, {
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
        const p = this.problem(code, lang, {
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
    const at = this.nowFn();
    this.journal.push({
      seq: ++this.seq,
      at,
      method,
      path: req.pathname,
      operationId: op?.operationId ?? null,
      status: result.response.status,
      ms: at - started,
      faults,
      role: user?.role ?? null,
    });
    // Bounded: trimmed once it holds twice the entries it keeps (requests() trims exactly).
    const max = this.options.journalSize ?? 200;
    if (this.journal.length >= 2 * max) this.journal.splice(0, this.journal.length - max);
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
    const handler = this.handlers.get(op.operationId) ?? this.handlers.get('*');
    if (!this.prepared) {
      // Only a light operation (health) answers before faker, the store and the validators are
      // loaded; loading starts once it has answered.
      const lightRequest =
        handler !== undefined &&
        isLight(handler) &&
        op.parameters.length === 0 &&
        !req.headers.authorization &&
        (this.options.validateResponses ?? 'off') !== 'strict';
      if (lightRequest) setTimeout(() => void this.prepare(), 0);
      else await this.prepare();
    }
    try {
      // Authentication and roles come first: a stranger learns nothing from validation errors.
      const auth = req.headers.authorization;
      const m = auth ? /^Bearer\s+(\S+)$/i.exec(auth.trim()) : null;
      if (m) accessToken = m[1] as string;
      if (!op.isPublic) {
        if (!accessToken)
          throw new PipelineProblem(
            this.problem('unauthenticated', lang, {
              detail:
                lang === 'en'
                  ? 'Send Authorization: Bearer <accessToken> from a login.'
                  : 'Kirim Authorization: Bearer <accessToken> dari proses masuk.',
            }),
          );
        const session = this.store.state.sessions[accessToken];
        if (!session) throw new PipelineProblem(this.problem('unauthenticated', lang));
        if (session.expiresAt <= this.nowFn())
          throw new PipelineProblem(this.problem('token-expired', lang));
        user = this.store.user(session.userId) ?? null;
        if (!user) throw new PipelineProblem(this.problem('unauthenticated', lang));
        if (op.roles.length && !op.roles.includes(user.role)) {
          throw new PipelineProblem(
            this.problem('forbidden', lang, {
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

      // `Prefer: code=404` / `example=<name>`: a declared answer instead of the handler's
      // (after auth and roles, which stay truthful; nothing runs, nothing is stored).
      const preference = parsePrefer(req.headers.prefer);
      if (preference) {
        const answer =
          'error' in preference
            ? preference
            : preferredResponse(
                {
                  doc: this.doc,
                  seed: this.seed,
                  problemTypes: this.problemTypes,
                  problem: (code, l, extra) => this.problem(code, l, extra),
                  validate: (pointer, value) => this.validator.validateSchema(pointer, value),
                },
                op,
                preference,
                lang,
                req.pathname,
              );
        if ('error' in answer)
          throw new PipelineProblem(
            this.problem('validation-failed', lang, {
              detail: countDetail(1, lang),
              errors: [{ field: 'header.Prefer', code: 'enum', message: answer.error }],
            }),
          );
        this.check(op, req, answer, false);
        return { user, response: answer };
      }

      if (op.ifMatch && !req.headers['if-match'])
        throw new PipelineProblem(this.problem('precondition-required', lang));

      // The body: media type, size, syntax.
      let body: unknown;
      let bodyText: string | undefined;
      let bodyPointer: string | null = null;
      const hasBody = req.body !== null && req.body.byteLength > 0;
      if (op.requestBody) {
        const ct = mediaType(req.headers['content-type']);
        if (!hasBody) {
          if (op.requestBody.required) {
            throw new PipelineProblem(
              this.problem('validation-failed', lang, {
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
              this.problem('unsupported-media-type', lang, {
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
              this.problem('payload-too-large', lang, {
                detail: lang === 'en' ? `At most ${limit} bytes.` : `Maksimal ${limit} byte.`,
              }),
            );
          }
          bodyPointer = op.requestBody.content[match] ?? null;
          if (JSON_LIKE.test(match) || JSON_LIKE.test(ct)) {
            try {
              bodyText = decoder.decode(req.body as Uint8Array);
              body = JSON.parse(bodyText);
            } catch {
              throw new PipelineProblem(
                this.problem('malformed-request', lang, {
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
                this.problem('malformed-request', lang, {
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
          this.problem('validation-failed', lang, {
            detail: countDetail(errors.length, lang),
            errors,
          }),
        );

      // Idempotency: a repeat returns the first answer.
      const idemKey = op.idempotent
        ? (headers['idempotency-key'] as string | undefined)
        : undefined;
      const idemId = idemKey ? `${user?.id ?? 'anon'} ${op.operationId} ${idemKey}` : null;
      // The body as sent (JSON) or a hash of its bytes (other media types); a JSON body that
      // differs only in key order or spacing is told apart from another body on a repeat only.
      const fingerprint = idemId
        ? `${req.method} ${req.pathname} ${bodyPointer || body === undefined ? (bodyText ?? 'null') : bytesFingerprint(req.body)}`
        : '';
      if (idemId) {
        const prior = this.store.idempotent(idemId);
        if (prior) {
          if (!sameFingerprint(prior.fingerprint, fingerprint))
            throw new ProblemError(
              this.problem('idempotency-key-reused', lang, {
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

      if (!handler) throw new Error(`No handler for ${op.operationId}`);
      const ctx = this.context(op, pathValues, query, headers, body, user, accessToken, lang, req);
      const out = await handler(ctx);
      const response = this.toResponse(op, out);
      this.check(op, req, response, false);

      if (idemId && response.status < 500) {
        this.store.rememberIdempotent(idemId, {
          fingerprint,
          status: response.status,
          headers: response.headers,
          body: typeof response.body === 'string' ? response.body : null,
          at: this.nowFn(),
        });
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
        this.problem('server-error', lang, {
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
    return new RequestContext(
      this,
      op,
      path,
      query,
      headers,
      body,
      user,
      accessToken,
      lang,
      req,
      this.seq,
    );
  }

  private toResponse(op: OperationSpec, out: HandlerResult): MockResponse {
    const headers: Record<string, string> = {};
    const given = out.headers;
    if (given) for (const k in given) headers[k.toLowerCase()] = given[k] as string;
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
        : serialize(out.body);
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
    if (mode === 'warn') {
      // Off the critical path: checked after the answer has gone out, in one batch.
      const { method, pathname } = req;
      if (this.pendingChecks.push({ op, method, pathname, response, pipeline }) === 1)
        setTimeout(() => void this.flushChecks(), 0);
      return;
    }
    const problems = this.conformance(op, response, pipeline);
    if (!problems.length) return;
    this.recordViolation({
      operationId: op.operationId,
      method: req.method,
      path: req.pathname,
      status: response.status,
      problems,
    });
    {
      const p = this.problem('server-error', 'en', {
        detail: `Response does not conform to the contract: ${problems.join('; ')}`.slice(0, 1000),
      });
      response.status = 500;
      response.headers = { 'content-type': 'application/problem+json' };
      response.body = JSON.stringify(p);
    }
  }

  /** Checks the answers of warn mode (after they were sent). */
  private async flushChecks(): Promise<void> {
    if (!this.validator.ready) await this.validator.load();
    const batch = this.pendingChecks;
    this.pendingChecks = [];
    for (const c of batch) {
      const problems = this.conformance(c.op, c.response, c.pipeline);
      if (problems.length)
        this.recordViolation({
          operationId: c.op.operationId,
          method: c.method,
          path: c.pathname,
          status: c.response.status,
          problems,
        });
    }
  }

  /** Resolves once the responses answered so far have been checked (warn mode). */
  async settled(): Promise<void> {
    while (this.pendingChecks.length) await this.flushChecks();
  }

  /** What is wrong with a response for this operation (empty when it conforms). */
  conformance(op: OperationSpec, response: MockResponse, pipeline = false): string[] {
    const problems: string[] = [];
    const ct = mediaType(response.headers['content-type']);
    const json = response.body !== null && JSON_LIKE.test(ct);
    if (pipeline) {
      // Refusals before any handler (401, 403, 413, 415, 400 ...) must be problem+json.
      if (ct !== 'application/problem+json')
        problems.push(`content-type ${ct} is not application/problem+json`);
      else if (this.problemPointer && json)
        problems.push(...this.checkBody(this.problemPointer, response.body));
      else if (json && this.parse(response.body) === undefined) problems.push('body is not JSON');
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
        if (pointer && json) problems.push(...this.checkBody(pointer, response.body));
        else if (json && this.parse(response.body) === undefined) return ['body is not JSON'];
      }
    }
    for (const [name, h] of Object.entries(spec.headers)) {
      if (h.required && response.headers[name] === undefined)
        problems.push(`header ${name} is required`);
    }
    return problems;
  }

  /** The last body that conformed to each schema: an identical answer is not checked again. */
  private readonly conformingBody = new Map<string, string>();

  private checkBody(pointer: string, body: string | Uint8Array | null): string[] {
    if (typeof body === 'string' && this.conformingBody.get(pointer) === body) return [];
    const parsed = this.parse(body);
    if (parsed === undefined) return ['body is not JSON'];
    const problems = this.validator.validateResponse(pointer, parsed);
    if (problems.length === 0 && typeof body === 'string') this.conformingBody.set(pointer, body);
    return problems;
  }

  private parse(body: string | Uint8Array | null): unknown {
    try {
      return JSON.parse(typeof body === 'string' ? body : decoder.decode(body as Uint8Array));
    } catch {
      return undefined;
    }
  }
}

/**
 * What a handler gets: one object per request with its methods on the prototype (no closures
 * made per request); faker and the sampler are made only when a handler asks for them.
 */
class RequestContext implements HandlerContext {
  private madeFaker: Faker | null = null;
  private madeSampler: Sampler | null = null;

  constructor(
    private readonly engine: MockEngine,
    readonly op: OperationSpec,
    readonly path: Record<string, unknown>,
    readonly query: Record<string, unknown>,
    readonly headers: Record<string, unknown>,
    readonly body: unknown,
    readonly user: UserRecord | null,
    readonly accessToken: string | null,
    readonly lang: Lang,
    private readonly req: MockRequest,
    private readonly seq: number,
  ) {}

  // A getter: a light handler never makes the store (seeded on first use in the CLI).
  get store(): Store {
    return this.engine.store;
  }

  get doc(): OpenApiDocument {
    return this.engine.doc;
  }

  get basePath(): string {
    return this.engine.basePath;
  }

  get faker(): Faker {
    this.madeFaker ??= this.engine.fakerFor(`${this.op.operationId}:${this.seq}`);
    return this.madeFaker;
  }

  get sampler(): Sampler {
    this.madeSampler ??= createSampler(this.engine.doc, this.faker);
    return this.madeSampler;
  }

  now(): number {
    return this.engine.now();
  }

  t(id: string, en: string): string {
    return this.lang === 'en' ? en : id;
  }

  fail(
    code: string,
    extra: {
      detail?: string;
      errors?: FieldError[];
      headers?: Record<string, string>;
      status?: number;
    } = {},
  ): never {
    throw new ProblemError(this.engine.problem(code, this.lang, extra), extra.headers ?? {});
  }

  page<T>(items: T[], options: PageOptions = {}): Page<T> {
    const offset = options.cursor ? (decodeCursor(options.cursor) ?? 0) : 0;
    return paginate(items, offset, options.limit ?? 20);
  }

  checkIfMatch(version: number): void {
    const header = String(this.req.headers['if-match'] ?? '');
    const tags = header.split(',').map((s) => s.trim().replace(/^W\//, ''));
    if (!tags.includes('*') && !tags.includes(`"${version}"`)) {
      const lang = this.lang;
      throw new ProblemError(
        this.engine.problem('precondition-failed', lang, {
          detail:
            lang === 'en' ? `The current ETag is "${version}".` : `ETag saat ini "${version}".`,
        }),
      );
    }
  }

  etag(version: number): string {
    return `"${version}"`;
  }

  uuid(): string {
    return crypto.randomUUID();
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
