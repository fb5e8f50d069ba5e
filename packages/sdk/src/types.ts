import type { ApiError } from './errors/ApiError.js';
import type { AuthError } from './errors/AuthError.js';
import type { NetworkError } from './errors/NetworkError.js';
import type { TimeoutError } from './errors/TimeoutError.js';
import type { OperationInfo } from './operation.js';

/** Headers the SDK sets itself, so callers never have to. */
type OwnHeaders = 'Idempotency-Key' | 'Accept-Language' | 'Authorization';

type Params<Op> = Op extends { parameters: infer P } ? P : Record<string, never>;
type Part<P, K extends string> = K extends keyof P ? Exclude<P[K], undefined> : never;
type HeaderPart<P> = [Part<P, 'header'>] extends [never]
  ? never
  : keyof Omit<Part<P, 'header'>, OwnHeaders> extends never
    ? never
    : Omit<Part<P, 'header'>, OwnHeaders>;

type Content<B> = B extends { content: infer C } ? C[keyof C] : never;
type BodyOf<Op> = Op extends { requestBody?: infer B } ? Content<Exclude<B, undefined>> : never;
type BodyRequired<Op> = Op extends { requestBody: { content: unknown } } ? true : false;

/** `{ name?: never }` when absent, optional when every key is optional, else required. */
type Field<Name extends string, T, Required extends boolean = false> = [T] extends [never]
  ? { [K in Name]?: never }
  : Required extends true
    ? { [K in Name]: T }
    : Record<string, never> extends T
      ? { [K in Name]?: T }
      : { [K in Name]: T };

/**
 * The input of an operation: `{ path?, query?, body?, headers? }`, each part typed from the
 * contract and required exactly when the contract requires it.
 */
export type OperationInput<Op> = Field<'path', Part<Params<Op>, 'path'>> &
  Field<'query', Part<Params<Op>, 'query'>> &
  Field<'headers', HeaderPart<Params<Op>>> &
  Field<'body', BodyOf<Op>, BodyRequired<Op>>;

type SuccessKey = 200 | 201 | 202 | 203 | 204 | 206 | '2XX';
type Success<R> = R[Extract<keyof R, SuccessKey>];

/** The parsed body of an operation's success response (`undefined` for 204). */
export type OperationData<Op> = Op extends { responses: infer R }
  ? Success<R> extends infer S
    ? S extends { content: infer C }
      ? C[keyof C]
      : undefined
    : never
  : never;

/** Every error a call can end with, besides an abort by the caller's own signal. */
export type SdkError = ApiError | NetworkError | TimeoutError | AuthError;

/** What `.safe()` resolves to: never rejects with an SDK error. */
export type Result<D> =
  | { data: D; error: undefined; response: Response }
  | { data: undefined; error: SdkError; response: Response | undefined };

/** Upload progress, reported as the request body is handed to the network. */
export interface UploadProgress {
  /** 0 to 1. */
  percent: number;
  transferredBytes: number;
  /** An estimate for multipart bodies; 0 when unknown. */
  totalBytes: number;
}

/** Retry policy; `retry: 0` or `false` turns retries off. */
export interface RetryOptions {
  /** Attempts after the first. Default 2. */
  limit?: number;
  /** Base of the exponential backoff in ms (base · 2^(n-1), full jitter). Default 300. */
  backoffMs?: number;
  /** Cap of one backoff delay in ms. Default 10 000. */
  maxBackoffMs?: number;
  /** The longest `Retry-After` (429, 503) honoured, in ms; longer ones wait this long. Default 60 000. */
  maxRetryAfterMs?: number;
  /** Randomise each delay between 0 and the backoff ("full jitter"). Default true. */
  jitter?: boolean;
}

/** Per-call options, the second argument of every operation. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call (per attempt). */
  timeoutMs?: number | false;
  /** Overrides the client's retry policy for this call. */
  retry?: RetryOptions | number | false;
  /** The `Idempotency-Key` to send; by default a new `crypto.randomUUID()` per call. */
  idempotencyKey?: string;
  /** Extra headers, e.g. for tracing. */
  headers?: Record<string, string>;
  /** Called as the request body is sent (multipart uploads); see the README for limits. */
  onUploadProgress?: (progress: UploadProgress) => void;
}

type Args<Op> =
  Record<string, never> extends OperationInput<Op>
    ? [input?: OperationInput<Op>, options?: CallOptions]
    : [input: OperationInput<Op>, options?: CallOptions];

/**
 * One operation of the client: call it to get the data (it throws an {@link SdkError}), or call
 * `.safe()` to get `{ data, error, response }`.
 */
export interface OperationMethod<Op, Info extends OperationInfo = OperationInfo> {
  (...args: Args<Op>): Promise<OperationData<Op>>;
  /** Result mode for UI code: resolves to `{ data, error, response }` instead of throwing. */
  safe(...args: Args<Op>): Promise<Result<OperationData<Op>>>;
  /** The row of the operation table behind this method. */
  readonly operation: Info;
}

/** A map of operation ids to table rows, like the generated `operations`. */
export type OperationTable = { readonly [id: string]: OperationInfo };

type OpOf<O, Info> = Info extends { id: infer Id } ? (Id extends keyof O ? O[Id] : never) : never;

/** The grouped operations: `client.<group>.<name>`. */
export type OperationGroups<T extends OperationTable, O> = {
  [G in T[keyof T]['group']]: {
    [K in keyof T as T[K]['group'] extends G ? T[K]['name'] : never]: OperationMethod<
      OpOf<O, T[K]>,
      T[K]
    >;
  };
};

/** The input type of an operation method, for wrappers and forms. */
export type InputOf<M> =
  M extends OperationMethod<infer Op, OperationInfo> ? OperationInput<Op> : never;
/** The data type of an operation method. */
export type DataOf<M> =
  M extends OperationMethod<infer Op, OperationInfo> ? OperationData<Op> : never;
