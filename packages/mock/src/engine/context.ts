import type { Faker } from '@faker-js/faker';
import type { Store } from '../store/store.js';
import type { UserRecord } from '../store/types.js';
import type { FieldError } from './problem.js';
import type { Sampler } from './sampler.js';
import type { OperationSpec } from './spec.js';
import type { Lang, OpenApiDocument } from './types.js';

/**
 * What a domain handler answers. A `body` is sent as JSON (problem+json for 4xx/5xx); a frozen
 * (deeply immutable) body is serialized once and its JSON reused (reference data: regions).
 */
export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface PageOptions {
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Everything a handler gets for one validated request. */
export interface HandlerContext {
  op: OperationSpec;
  /** Path parameters (validated, coerced). */
  path: Record<string, unknown>;
  /** Query parameters (validated, coerced, with defaults). */
  query: Record<string, unknown>;
  /** Declared header parameters, by lower-case name. */
  headers: Record<string, unknown>;
  /** The parsed, validated body (undefined when there is none). */
  body: unknown;
  /** The logged-in user, or null on a public operation without a token. */
  user: UserRecord | null;
  /** The bearer token of the request, when there is one. */
  accessToken: string | null;
  lang: Lang;
  store: Store;
  doc: OpenApiDocument;
  /** Epoch milliseconds of the engine's clock. */
  now(): number;
  /** A faker seeded for this request (deterministic for the engine's seed and request count). */
  faker: Faker;
  sampler: Sampler;
  basePath: string;
  /** Picks the Indonesian or English text by Accept-Language. */
  t(id: string, en: string): string;
  /** Throws a problem+json refusal. */
  fail(
    code: string,
    extra?: {
      detail?: string;
      errors?: FieldError[];
      headers?: Record<string, string>;
      status?: number;
    },
  ): never;
  /** A page of `items` (cursor pagination, `{ items, nextCursor }`). */
  page<T>(items: T[], options?: PageOptions): Page<T>;
  /** Refuses with 412 unless `If-Match` names this version. */
  checkIfMatch(version: number): void;
  etag(version: number): string;
  /** A fresh UUID (random, not seeded: ids of new writes). */
  uuid(): string;
}

export type Handler = (ctx: HandlerContext) => HandlerResult | Promise<HandlerResult>;
export type HandlerMap = Record<string, Handler>;

const lightHandlers = new WeakSet<Handler>();

/**
 * Marks a handler that needs neither the store nor the validators (health): the CLI answers it
 * before it has loaded faker, seeded the store or loaded the validators.
 */
export function light(handler: Handler): Handler {
  lightHandlers.add(handler);
  return handler;
}

export function isLight(handler: Handler): boolean {
  return lightHandlers.has(handler);
}
