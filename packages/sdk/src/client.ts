import ky, { type Hooks, type Options as KyOptions } from 'ky';
import { ApiError, type Problem } from './errors/ApiError.js';
import { AuthError } from './errors/AuthError.js';
import { BosError } from './errors/BosError.js';
import { NetworkError } from './errors/NetworkError.js';
import { TimeoutError } from './errors/TimeoutError.js';
import type { OperationInfo } from './operation.js';
import { citizenLogin, logout, officerLogin, refreshSession } from './operations.gen.js';
import type { components, operations } from './schema.gen.js';
import { memoryTokenStore, type TokenStore, type Tokens } from './token-store.js';
import type {
  CallOptions,
  OperationData,
  OperationGroups,
  OperationInput,
  OperationTable,
  Result,
  RetryOptions,
  UploadProgress,
} from './types.js';
import { uuid } from './uuid.js';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** The API root, e.g. `http://127.0.0.1:4010/api/v2`. */
  baseUrl: string;
  /** A fetch to use instead of the global one (tests, proxies, XHR-based fetches). */
  fetch?: typeof fetch;
  /** Where the session lives; a memory store by default. */
  auth?: { store?: TokenStore };
  /** Per attempt, in ms; `false` for none. Default 30 000 (field networks are slow). */
  timeoutMs?: number | false;
  /** Retry policy for requests that are safe to repeat; `0`/`false` turns it off. */
  retry?: RetryOptions | number | false;
  /** `Accept-Language` of problem titles and messages: `id` (default) or `en`. */
  locale?: 'id' | 'en' | (string & {});
  /** ky hooks (`beforeRequest`, `afterResponse`, `beforeRetry`, `beforeError`). */
  hooks?: Hooks;
}

/** The loose input of {@link Client.request}. */
export interface RequestInput {
  path?: Record<string, string | number>;
  query?: Record<string, unknown>;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A page of a cursor list, as every `list` operation answers. */
export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

type PagedMethod<I, Item> = (input: I, options?: CallOptions) => Promise<Page<Item>>;

/** An officer logs in with NRP, a citizen with email. */
export type Credentials =
  | components['schemas']['OfficerLoginInput']
  | components['schemas']['CitizenLoginInput'];
export type Session = components['schemas']['Session'];

/** What every client has besides the grouped operations. */
export interface ClientCore {
  /**
   * Calls any operation by table row or operationId and gives the parsed data with the raw
   * response (for `ETag`, `Location`); throws like the grouped methods.
   */
  request(
    operation: OperationInfo | string,
    input?: RequestInput,
    options?: CallOptions,
  ): Promise<{ data: unknown; response: Response }>;
  /** Iterates every item of a cursor list, fetching pages as needed. */
  paginate<I extends { query?: { cursor?: string } } | undefined, Item>(
    method: PagedMethod<I, Item>,
    input?: NoInfer<I>,
    options?: CallOptions,
  ): AsyncGenerator<Item, void, undefined>;
  /** Logs in with NRP (officers) or email (citizens) and keeps the session in the store. */
  login(credentials: Credentials, options?: CallOptions): Promise<Session>;
  /** Ends the session on the server (best effort) and clears the store. */
  logout(options?: CallOptions): Promise<void>;
  /** The token store in use. */
  readonly session: TokenStore;
}

/** A client for the operations of `T`, typed from the generated `operations` interface `O`. */
export type Client<T extends OperationTable, O = operations> = OperationGroups<T, O> & ClientCore;

const EXPIRED = 'Sesi berakhir, silakan masuk lagi / Session expired, log in again';
const RETRY_STATUS = [408, 429, 500, 502, 503, 504];
const SAFE_METHODS = ['get', 'head', 'options', 'put', 'delete'];

function kyRetry(retry: RetryOptions | number | false | undefined, post: boolean) {
  const r: RetryOptions =
    typeof retry === 'object' ? retry : { limit: retry === false ? 0 : retry };
  const base = r.backoffMs ?? 300;
  return {
    limit: r.limit ?? 2,
    // POST is repeated only when it carries an Idempotency-Key, so the server dedupes it.
    methods: post ? [...SAFE_METHODS, 'post'] : SAFE_METHODS,
    statusCodes: RETRY_STATUS,
    maxRetryAfter: r.maxRetryAfterMs ?? 60_000,
    backoffLimit: r.maxBackoffMs ?? 10_000,
    delay: (n: number) => base * 2 ** (n - 1),
    jitter: r.jitter ?? true,
    retryOnTimeout: true,
  };
}

/** The problem+json of an error response; what is missing is made from the status. */
async function toProblem(response: Response): Promise<Problem> {
  const text = await response.text().catch(() => '');
  const code = response.status >= 500 ? 'server-error' : `http-${response.status}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return {
    type: `urn:bosv2:problem:${code}`,
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    code,
    ...(typeof parsed === 'object' ? parsed : text && { detail: text.slice(0, 500) }),
  };
}

function toFormData(body: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(body)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      if (item === undefined) continue;
      form.append(
        k,
        // null and objects become JSON (String(null) would be the same "null").
        item instanceof Blob
          ? item
          : typeof item === 'object'
            ? JSON.stringify(item)
            : String(item),
      );
    }
  }
  return form;
}

/** Whether this runtime can stream a request body, which upload progress needs. */
function canStreamRequests(): boolean {
  let duplex = false;
  try {
    new Request('http://x.invalid', {
      method: 'POST',
      body: new ReadableStream(),
      // @ts-expect-error `duplex` is missing from the DOM types.
      get duplex() {
        duplex = true;
        return 'half';
      },
    });
  } catch {}
  return duplex;
}

/**
 * Makes a client for a chosen set of operations: import only the rows you call and the rest of
 * the contract stays out of your bundle.
 *
 * @example
 * import { createClientFor, getHealth } from '@bosv2/sdk';
 * const client = createClientFor({ getHealth }, { baseUrl: 'http://127.0.0.1:4010/api/v2' });
 * await client.health.get();
 */
export function createClientFor<T extends OperationTable, O = operations>(
  table: T,
  options: ClientOptions,
): Client<T, O> {
  const store = options.auth?.store ?? memoryTokenStore();
  const api = ky.create({
    prefixUrl: options.baseUrl,
    timeout: options.timeoutMs ?? 30_000,
    fetch: options.fetch,
    hooks: options.hooks,
  });
  const retrySafe = kyRetry(options.retry, false);
  const retryPost = kyRetry(options.retry, true);
  const locale = options.locale ?? 'id';
  const byId = new Map<string, OperationInfo>();
  let refreshing: Promise<string> | undefined;

  async function send(
    op: OperationInfo,
    input: RequestInput,
    opts: CallOptions,
    token: string | undefined,
  ): Promise<Response> {
    const url = op.path
      .slice(1)
      .replace(/{([^}]+)}/g, (_, name: string) => encodeURIComponent(String(input.path?.[name])));
    const headers: Record<string, string> = {
      'accept-language': locale,
      ...input.headers,
      ...opts.headers,
    };
    if (token) headers.authorization = `Bearer ${token}`;
    if (op.idempotencyKey) {
      headers['idempotency-key'] = opts.idempotencyKey ?? uuid();
    }
    const init: KyOptions = {
      method: op.method,
      headers,
      retry:
        opts.retry === undefined
          ? op.idempotencyKey
            ? retryPost
            : retrySafe
          : kyRetry(opts.retry, !!op.idempotencyKey),
    };
    if (opts.signal) init.signal = opts.signal;
    if (opts.timeoutMs !== undefined) init.timeout = opts.timeoutMs;
    if (input.query) {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(input.query)) {
        for (const item of Array.isArray(v) ? v : [v]) if (item != null) q.append(k, String(item));
      }
      init.searchParams = q;
    }
    const body = input.body;
    if (body !== undefined) {
      if (op.body === 'multipart') {
        init.body = body instanceof FormData ? body : toFormData(body as Record<string, unknown>);
      } else if (op.body) {
        init.body = body as BodyInit;
        headers['content-type'] = op.body;
      } else {
        init.json = body;
      }
    }
    if (opts.onUploadProgress && canStreamRequests()) {
      init.onUploadProgress = opts.onUploadProgress;
    }
    try {
      return await api(url, init);
    } catch (error) {
      const name = (error as Error)?.name;
      if (name === 'HTTPError') {
        const { request, response } = error as { request: Request; response: Response };
        throw new ApiError(await toProblem(response), request, response);
      }
      // The caller's own abort is not an SDK error: pass it through untouched.
      if (opts.signal?.aborted) throw error;
      const full = `${options.baseUrl.replace(/\/$/, '')}/${url}`;
      if (name === 'TimeoutError') throw new TimeoutError(op.method, full, { cause: error });
      throw new NetworkError(op.method, full, { cause: error });
    }
  }

  /** One shared refresh for every request that got a 401 with the same token. */
  async function renew(used: string): Promise<string> {
    const now = await store.get();
    if (now?.accessToken && now.accessToken !== used) return now.accessToken;
    if (!now?.refreshToken) {
      await store.set(null);
      throw new AuthError(EXPIRED);
    }
    refreshing ??= call(refreshSession, { body: { refreshToken: now.refreshToken } }, {})
      .then(
        ({ data }) => (data as Tokens).accessToken,
        async (cause) => {
          await store.set(null);
          throw new AuthError('Sesi berakhir, silakan masuk lagi / Session expired, log in again', {
            cause,
          });
        },
      )
      .finally(() => {
        refreshing = undefined;
      });
    return refreshing;
  }

  async function call(
    operation: OperationInfo | string,
    input: RequestInput = {},
    opts: CallOptions = {},
  ): Promise<{ data: unknown; response: Response }> {
    const op = typeof operation === 'string' ? byId.get(operation) : operation;
    if (!op) throw new BosError(`Unknown operation: ${operation as string}`);
    let token = op.public ? undefined : (await store.get())?.accessToken;
    let response: Response;
    try {
      response = await send(op, input, opts, token);
    } catch (error) {
      if (!token || !(error instanceof ApiError) || error.status !== 401) throw error;
      token = await renew(token);
      response = await send(op, input, opts, token);
    }
    let data: unknown;
    const type = response.headers.get('content-type') ?? '';
    if (response.status !== 204) {
      if (type.includes('json')) {
        const text = await response.text();
        data = text ? JSON.parse(text) : undefined;
      } else if (type.startsWith('text/')) {
        data = await response.text();
      } else if (response.body) {
        data = await response.blob();
      }
    }
    // A public operation that answers with tokens (login, register, refresh) starts a session.
    if (op.public && (data as Tokens | undefined)?.refreshToken) await store.set(data as Tokens);
    // Without request streams there is no progress on the way: report the end at least.
    if (opts.onUploadProgress && !canStreamRequests()) {
      opts.onUploadProgress({ percent: 1, transferredBytes: 0, totalBytes: 0 });
    }
    return { data, response };
  }

  const client = {
    request: call,
    session: store,
    async *paginate(
      method: PagedMethod<{ query?: { cursor?: string } }, unknown>,
      input: { query?: { cursor?: string } } = {},
      opts?: CallOptions,
    ) {
      let cursor = input.query?.cursor;
      do {
        const page = await method({ ...input, query: { ...input.query, cursor } }, opts);
        yield* page.items;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    },
    async login(credentials: Credentials, opts?: CallOptions) {
      const op = 'nrp' in credentials ? officerLogin : citizenLogin;
      return (await call(op, { body: credentials }, opts)).data as Session;
    },
    async logout(opts?: CallOptions) {
      const tokens = await store.get();
      try {
        if (tokens) {
          const body = tokens.refreshToken ? { refreshToken: tokens.refreshToken } : undefined;
          await call(logout, { body }, { retry: 0, ...opts });
        }
      } finally {
        await store.set(null);
      }
    },
  } as Record<string, unknown>;

  for (const key in table) {
    const op = table[key] as OperationInfo;
    byId.set(op.id, op);
    const method = (input?: RequestInput, opts?: CallOptions) =>
      call(op, input, opts).then((r) => r.data);
    method.safe = (input?: RequestInput, opts?: CallOptions) =>
      call(op, input, opts).then(
        ({ data, response }) => ({ data, error: undefined, response }),
        (error) => {
          if (!(error instanceof BosError)) throw error;
          return { data: undefined, error, response: (error as ApiError).response };
        },
      );
    method.operation = op;
    client[op.group] ??= {};
    (client[op.group] as Record<string, unknown>)[op.name] = method;
  }
  return client as Client<T, O>;
}

export type { CallOptions, OperationData, OperationInput, Result, RetryOptions, UploadProgress };
