import fc from 'fast-check';
import { type Credential, endsSession, login } from './auth.js';
import { type CheckName, type CheckOutcome, responseChecks } from './checks.js';
import type { Recorder } from './report.js';
import {
  type BuildOptions,
  buildHttpRequest,
  type GeneratedRequest,
  type HttpRequest,
  type HttpResponse,
  requestArbitrary,
  send,
  validateRequest,
} from './request.js';
import { deref, getByPointer, type OpenApiDocument, type Operation } from './spec.js';
import type { Validator } from './validator.js';

export interface Auth {
  role: string;
  token?: string | undefined;
}

/** A sent request with its answer (or the network error) and the response-level outcomes. */
export interface Sent {
  request: HttpRequest;
  response?: HttpResponse;
  error?: string;
  outcomes: CheckOutcome[];
}

/** Statuses that say nothing about the property being checked (rate limits, server errors). */
export function isNeutral(status: number): boolean {
  return status === 429 || status >= 500;
}

export function is2xx(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}

/** Shared state of one run: the document, the credentials, the recorder. */
export class RunContext {
  readonly tokens = new Map<string, string>();
  defaultToken: string | undefined;

  constructor(
    readonly doc: OpenApiDocument,
    readonly validator: Validator,
    readonly operations: Operation[],
    readonly recorder: Recorder,
    readonly options: {
      baseUrl: string;
      seed: number;
      maxExamples: number;
      maxResponseTimeMs: number;
      credentials: Map<string, Credential>;
      loginOps: Operation[];
      timeoutMs: number;
    },
  ) {}

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  /** A seed per operation and purpose, so filtering operations keeps requests the same. */
  seedFor(key: string): number {
    let h = this.options.seed | 0;
    for (let i = 0; i < key.length; i++) h = (Math.imul(h ^ key.charCodeAt(i), 16777619) + 1) | 0;
    return h;
  }

  /** The credentials to call an operation with: the preferred role when allowed, else the first that is. */
  authFor(op: Operation, prefer?: string): Auth | undefined {
    if (op.public) return { role: 'public' };
    if (op.roles.length === 0) {
      const first = [...this.tokens.entries()][0];
      if (this.defaultToken) return { role: 'default', token: this.defaultToken };
      return first ? { role: first[0], token: first[1] } : undefined;
    }
    if (prefer && op.roles.includes(prefer) && this.tokens.has(prefer)) {
      return { role: prefer, token: this.tokens.get(prefer) };
    }
    for (const role of op.roles) {
      const token = this.tokens.get(role);
      if (token) return { role, token };
    }
    return this.defaultToken ? { role: 'default', token: this.defaultToken } : undefined;
  }

  /** A new session for a role (for operations that end sessions). */
  async freshToken(role: string): Promise<string | undefined> {
    const credential = this.options.credentials.get(role);
    if (!credential) return undefined;
    const result = await login(
      this.doc,
      this.validator,
      this.options.loginOps,
      this.baseUrl,
      credential,
    );
    return result?.token;
  }

  build(
    op: Operation,
    req: GeneratedRequest,
    auth: Auth | undefined,
    extra: Omit<BuildOptions, 'baseUrl' | 'token'> = {},
  ): HttpRequest {
    return buildHttpRequest(op, req, { baseUrl: this.baseUrl, token: auth?.token, ...extra });
  }

  /** Sends and runs the response checks, without recording them. */
  async exchange(op: Operation, request: HttpRequest): Promise<Sent> {
    this.recorder.countRequest(op);
    try {
      const response = await send(request, this.options.timeoutMs);
      return {
        request,
        response,
        outcomes: responseChecks(
          this.validator,
          { operation: op, request, response },
          this.options.maxResponseTimeMs,
        ),
      };
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return {
        request,
        error: message,
        outcomes: [
          { check: 'not_a_server_error', failure: `Tidak ada jawaban (no response): ${message}` },
        ],
      };
    }
  }

  /** Records outcomes as passes and failures. */
  record(
    op: Operation | { operationId: string; method: string; path: string },
    sent: Sent,
    outcomes: CheckOutcome[],
    extra: { role?: string | undefined; mutation?: string | undefined } = {},
  ): void {
    for (const o of outcomes) {
      if (o.failure) this.recorder.fail(o.check, op, o.failure, sent.request, sent.response, extra);
      else this.recorder.pass(o.check);
    }
  }

  /** Sends, checks and records: the everyday call of the stateful phases. */
  async call(
    op: Operation,
    req: GeneratedRequest,
    auth: Auth | undefined,
    extra: Omit<BuildOptions, 'baseUrl' | 'token'> = {},
  ): Promise<Sent> {
    const token = auth && endsSession(op) ? await this.freshToken(auth.role) : auth?.token;
    const sent = await this.exchange(
      op,
      this.build(op, req, auth ? { ...auth, token } : undefined, extra),
    );
    this.record(op, sent, sent.outcomes, { role: auth?.role });
    return sent;
  }

  /** Records a single check's verdict for an exchange. */
  verdict(
    check: CheckName,
    op: Operation | { operationId: string; method: string; path: string },
    sent: Sent,
    failure: string | undefined,
    role?: string,
  ): void {
    this.record(op, sent, [{ check, ...(failure ? { failure } : {}) }], { role });
  }

  private exampleUses = 0;

  /**
   * Requests built from the contract's own examples (made unique: the longest string gets a
   * suffix, so rules such as "no repeated description" do not refuse the second use), then
   * generated ones. Examples carry domain sense (an officer's own desa) that random data lacks.
   */
  candidates(op: Operation, key: string, count = 3): GeneratedRequest[] {
    const out: GeneratedRequest[] = [];
    const media = op.requestBody?.content.find(
      (m) => m.mediaType === 'application/json' || /\+json$/.test(m.mediaType),
    );
    const base = this.sampleValid(op, `${key}:base`);
    if (media && base) {
      const raw = getByPointer(this.doc, media.pointer.replace(/\/schema$/, '')) as
        | { example?: unknown; examples?: Record<string, unknown> }
        | undefined;
      const examples: unknown[] = [];
      if (raw?.example !== undefined) examples.push(raw.example);
      for (const e of Object.values(raw?.examples ?? {})) {
        const value = deref<{ value?: unknown }>(this.doc, e, '').value?.value;
        if (value !== undefined) examples.push(value);
      }
      for (const example of examples) {
        const body = uniquify(example, ++this.exampleUses);
        const req: GeneratedRequest = { ...base, body, hasBody: true, mediaType: media.mediaType };
        if (validateRequest(this.validator, op, req).valid) out.push(req);
      }
    }
    const samples = fc.sample(requestArbitrary(this.doc, op), {
      seed: this.seedFor(key),
      numRuns: 40,
    });
    for (const r of samples) {
      if (out.length >= count) break;
      if (validateRequest(this.validator, op, r).valid) out.push(r);
    }
    return out.slice(0, count);
  }

  /** The first of `tries` generated requests that is valid and passes `accept`. */
  sampleValid(
    op: Operation,
    key: string,
    accept: (r: GeneratedRequest) => boolean = () => true,
    tries = 60,
  ): GeneratedRequest | undefined {
    const samples = fc.sample(requestArbitrary(this.doc, op), {
      seed: this.seedFor(key),
      numRuns: tries,
    });
    return samples.find((r) => validateRequest(this.validator, op, r).valid && accept(r));
  }
}

/** Appends a marker to the longest string in a value (a copy), to make it unique. */
export function uniquify(value: unknown, n: number): unknown {
  const copy = structuredClone(value);
  let best:
    | { holder: Record<string | number, unknown>; key: string | number; length: number }
    | undefined;
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (typeof v === 'string' && v.length >= 20 && (!best || v.length > best.length)) {
        best = {
          holder: node as Record<string, unknown>,
          key: Array.isArray(node) ? Number(k) : k,
          length: v.length,
        };
      } else visit(v);
    }
  };
  visit(copy);
  if (best) best.holder[best.key] = `${best.holder[best.key] as string} (uji ${n})`;
  return copy;
}
