/** The parts of an OpenAPI 3.1 document the mock reads. Everything else passes through. */
export type JsonSchema = { [key: string]: unknown } | boolean;

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; [key: string]: unknown };
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown> | undefined>;
  security?: Record<string, string[]>[];
  [key: string]: unknown;
}

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options' | 'trace';

/** A request as the engine sees it, whatever carried it (msw, fetch, node:http). */
export interface MockRequest {
  method: string;
  /** The path after the origin, e.g. `/api/v2/officers/abc` (no query). */
  pathname: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  /** The raw body, or null when there is none. */
  body: Uint8Array | null;
  /** Set by an adapter that already refused an over-long body while reading it. */
  bodyTooLarge?: boolean;
}

/** A response as the engine answers it; adapters turn it into their own kind. */
export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array | null;
}

/** What an adapter must do to the connection besides answering. */
export interface NetworkFault {
  /** `offline`: fail without answering (the request was not processed). `drop`: the request was processed, then the connection is cut. */
  kind: 'offline' | 'drop';
}

export interface SlowBody {
  /** Bytes per chunk. */
  chunkBytes: number;
  /** Pause between chunks in milliseconds. */
  intervalMs: number;
}

export interface EngineResult {
  response: MockResponse;
  network?: NetworkFault;
  slowBody?: SlowBody;
  /** Send only the first half of the body, then cut the connection. */
  truncate?: boolean;
  operationId?: string;
}

export type Lang = 'id' | 'en';
