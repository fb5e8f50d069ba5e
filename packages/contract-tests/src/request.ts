import { createHash, randomUUID } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import fc from 'fast-check';
import { arbitraryFor } from './arbitrary.js';
import type { MediaType, OpenApiDocument, Operation, Parameter } from './spec.js';
import {
  serializeParam,
  type ValidationResult,
  type Validator,
  validateParam,
} from './validator.js';

/** Headers a client never sets through parameters (OpenAPI ignores them as parameters). */
const RESERVED_HEADERS = new Set(['authorization', 'content-type', 'accept']);

/** A request as generated: typed values, before serialization. Absent key = not sent. */
export interface GeneratedRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  /** `undefined` with `hasBody: false` means no body is sent. */
  body?: unknown;
  hasBody: boolean;
  mediaType?: string;
  /** What was broken on purpose, for the report. */
  mutation?: { location: 'path' | 'query' | 'header' | 'body'; name: string; description: string };
}

/** A request on the wire. */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** JSON text, or a multipart form (kept as parts to print a curl command). */
  body?:
    | string
    | { parts: Array<{ name: string; value: string; filename?: string; type?: string }> };
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** Parsed JSON when the body is JSON. */
  json?: unknown;
  elapsedMs: number;
}

export function isMultipart(mediaType: string | undefined): boolean {
  return (mediaType ?? '').toLowerCase().startsWith('multipart/');
}

export function isJsonMedia(mediaType: string): boolean {
  const base = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  return base === 'application/json' || base.endsWith('+json') || base === '*/*';
}

/** The request media type the kit generates for, preferring JSON, then multipart. */
export function pickRequestMedia(op: Operation): MediaType | undefined {
  const content = op.requestBody?.content ?? [];
  return (
    content.find((m) => isJsonMedia(m.mediaType)) ??
    content.find((m) => m.mediaType.startsWith('multipart/form-data')) ??
    content.find((m) => m.mediaType === 'application/x-www-form-urlencoded')
  );
}

/** Parameters the kit generates (not Authorization/Content-Type/Accept, not cookies). */
export function generatedParameters(op: Operation): Parameter[] {
  return op.parameters.filter(
    (p) => p.in !== 'cookie' && !(p.in === 'header' && RESERVED_HEADERS.has(p.name.toLowerCase())),
  );
}

/** True for the `Idempotency-Key` header, which the kit fills with a fresh UUID per send. */
export function isIdempotencyKey(p: Parameter): boolean {
  return p.in === 'header' && p.name.toLowerCase() === 'idempotency-key';
}

/**
 * An arbitrary of valid requests for an operation (valid by construction as far as the
 * generator can tell; the runner checks each one with Ajv).
 */
export function requestArbitrary(
  doc: OpenApiDocument,
  op: Operation,
): fc.Arbitrary<GeneratedRequest> {
  const cached = ARBITRARIES.get(op);
  if (cached) return cached;
  const arb = buildRequestArbitrary(doc, op);
  ARBITRARIES.set(op, arb);
  return arb;
}

const ARBITRARIES = new WeakMap<Operation, fc.Arbitrary<GeneratedRequest>>();

function buildRequestArbitrary(
  doc: OpenApiDocument,
  op: Operation,
): fc.Arbitrary<GeneratedRequest> {
  const groups: Record<'path' | 'query' | 'header', Record<string, fc.Arbitrary<unknown>>> = {
    path: {},
    query: {},
    header: {},
  };
  const required: Record<'path' | 'query' | 'header', string[]> = {
    path: [],
    query: [],
    header: [],
  };
  for (const p of generatedParameters(op)) {
    if (p.in === 'cookie') continue;
    groups[p.in][p.name] = arbitraryFor(doc, p.schema, { context: p.in, direction: 'request' });
    if (p.required || isIdempotencyKey(p)) required[p.in].push(p.name);
  }
  const record = (where: 'path' | 'query' | 'header') =>
    fc.record(groups[where], { requiredKeys: required[where] as never[] }) as fc.Arbitrary<
      Record<string, unknown>
    >;
  const media = pickRequestMedia(op);
  const body: fc.Arbitrary<{ hasBody: boolean; body?: unknown }> =
    media?.schema !== undefined
      ? op.requestBody?.required
        ? arbitraryFor(doc, media.schema, { direction: 'request' }).map((b) => ({
            hasBody: true,
            body: b,
          }))
        : fc
            .option(arbitraryFor(doc, media.schema, { direction: 'request' }), {
              nil: undefined,
              freq: 4,
            })
            .map((b) => (b === undefined ? { hasBody: false } : { hasBody: true, body: b }))
      : fc.constant({ hasBody: false });
  return fc
    .record({ path: record('path'), query: record('query'), headers: record('header'), body })
    .map(({ path, query, headers, body: b }) => {
      const req: GeneratedRequest = { path, query, headers, hasBody: b.hasBody };
      if (b.hasBody) {
        req.body = b.body;
        if (media) req.mediaType = media.mediaType;
      }
      return req;
    });
}

/** Checks a generated request against the operation's schemas, as a server would. */
export function validateRequest(
  validator: Validator,
  op: Operation,
  req: GeneratedRequest,
): ValidationResult {
  const errors: string[] = [];
  for (const p of generatedParameters(op)) {
    const bag = p.in === 'path' ? req.path : p.in === 'query' ? req.query : req.headers;
    const key = Object.keys(bag).find((k) =>
      p.in === 'header' ? k.toLowerCase() === p.name.toLowerCase() : k === p.name,
    );
    if (key === undefined) {
      if (p.required) errors.push(`${p.in}.${p.name} is required`);
      continue;
    }
    const result = validateParam(validator, p, bag[key]);
    if (!result.valid) errors.push(...result.errors.map((e) => `${p.in}.${p.name}${e}`));
  }
  if (op.requestBody) {
    if (!req.hasBody) {
      if (op.requestBody.required) errors.push('body is required');
    } else {
      const media = op.requestBody.content.find((m) => m.mediaType === req.mediaType);
      if (media?.schema !== undefined) {
        const result = validator.validate(media.pointer, req.body);
        if (!result.valid) errors.push(...result.errors.map((e) => `body${e}`));
      }
    }
  }
  return { valid: errors.length === 0, errors };
}

export interface BuildOptions {
  baseUrl: string;
  token?: string | undefined;
  /** Extra headers, e.g. `If-Match`. */
  headers?: Record<string, string>;
  /** Drop these headers (lower case) after building. */
  omitHeaders?: string[];
  method?: string;
}

/** Fills a path template with (URL-encoded) parameter values. */
export function fillPath(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const v = values[name];
    return encodeURIComponent(v === undefined ? '' : String(serializeParam(v)));
  });
}

/** Serializes a generated request for an operation. */
export function buildHttpRequest(
  op: Operation,
  req: GeneratedRequest,
  options: BuildOptions,
): HttpRequest {
  const url = new URL(options.baseUrl.replace(/\/+$/, '') + fillPath(op.path, req.path));
  for (const [name, value] of Object.entries(req.query)) {
    if (value === undefined) continue;
    const s = serializeParam(value);
    for (const v of Array.isArray(s) ? s : [s]) url.searchParams.append(name, v);
  }
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const keyParam = op.parameters.find(isIdempotencyKey);
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    const isKey =
      keyParam !== undefined &&
      name.toLowerCase() === 'idempotency-key' &&
      !(
        req.mutation?.location === 'header' && req.mutation.name.toLowerCase() === 'idempotency-key'
      );
    // A fresh key per send: a reused key would replay an earlier answer (even across runs).
    headers[name.toLowerCase()] = isKey ? randomUUID() : String(serializeParam(value));
  }
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: HttpRequest['body'];
  if (req.hasBody) {
    const media = req.mediaType ?? 'application/json';
    if (media.startsWith('multipart/form-data')) {
      const encoding = op.requestBody?.content.find((m) => m.mediaType === media)?.encoding ?? {};
      const parts: Array<{ name: string; value: string; filename?: string; type?: string }> = [];
      if (req.body && typeof req.body === 'object') {
        for (const [name, value] of Object.entries(req.body as Record<string, unknown>)) {
          const declared = encoding[name]?.contentType?.split(',')[0]?.trim();
          const file = declared !== undefined || name === 'file' || name.endsWith('File');
          const part: { name: string; value: string; filename?: string; type?: string } = {
            name,
            value: typeof value === 'string' ? value : JSON.stringify(value),
          };
          if (file) {
            part.type = declared ?? 'application/octet-stream';
            part.filename = `${name}.${part.type.split('/')[1]?.replace(/[^a-z0-9]/g, '') || 'bin'}`;
          }
          parts.push(part);
        }
      }
      body = { parts };
    } else {
      headers['content-type'] = media;
      body = req.body === undefined ? '' : JSON.stringify(req.body);
    }
  }
  Object.assign(
    headers,
    Object.fromEntries(Object.entries(options.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
  );
  for (const h of options.omitHeaders ?? []) delete headers[h.toLowerCase()];
  return {
    method: (options.method ?? op.method).toUpperCase(),
    url: url.toString(),
    headers,
    ...(body === undefined ? {} : { body }),
  };
}

const agents = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 16 }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 16 }),
};

function encodeBody(request: HttpRequest): { data?: Buffer; contentType?: string } {
  if (typeof request.body === 'string') return { data: Buffer.from(request.body, 'utf8') };
  if (!request.body) return {};
  // A boundary derived from the parts: the same form is the same bytes (idempotent replays).
  const boundary = `----bosv2-contract-test-${createHash('sha256').update(JSON.stringify(request.body.parts)).digest('hex').slice(0, 24)}`;
  const chunks: Buffer[] = [];
  for (const part of request.body.parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`;
    const type = part.filename
      ? `\r\ncontent-type: ${part.type ?? 'application/octet-stream'}`
      : '';
    chunks.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: ${disposition}${type}\r\n\r\n${part.value}\r\n`,
        'utf8',
      ),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
  return { data: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Sends a request (node:http with keep-alive) and reads the whole answer, timing it. */
export function send(request: HttpRequest, timeoutMs = 30_000): Promise<HttpResponse> {
  const url = new URL(request.url);
  const { data, contentType } = encodeBody(request);
  const headers: Record<string, string | number> = { ...request.headers };
  if (contentType) headers['content-type'] = contentType;
  if (data) headers['content-length'] = data.length;
  const secure = url.protocol === 'https:';
  const started = performance.now();
  return new Promise<HttpResponse>((resolve, reject) => {
    const req = (secure ? httpsRequest : httpRequest)(
      url,
      {
        method: request.method,
        headers,
        agent: secure ? agents.https : agents.http,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const out: Record<string, string> = {};
          for (const [key, value] of Object.entries(res.headers)) {
            if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value;
          }
          const result: HttpResponse = {
            status: res.statusCode ?? 0,
            headers: out,
            text,
            elapsedMs: performance.now() - started,
          };
          const type = out['content-type'] ?? '';
          if (text.length > 0 && /json/i.test(type)) {
            try {
              result.json = JSON.parse(text);
            } catch {
              // not JSON after all; the content-type and schema checks will say so
            }
          }
          resolve(result);
        });
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`Request timed out: ${request.method} ${request.url}`)),
    );
    req.on('error', reject);
    req.end(data);
  });
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * A curl command that repeats a request. The bearer token is left as `$BOSV2_TOKEN` so reports
 * never leak credentials.
 */
export function toCurl(request: HttpRequest): string {
  const parts = ['curl', '-i', '-X', request.method, shellQuote(request.url)];
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === 'authorization') parts.push('-H', '"Authorization: Bearer $BOSV2_TOKEN"');
    else if (!(typeof request.body === 'object' && name === 'content-type'))
      parts.push('-H', shellQuote(`${name}: ${value}`));
  }
  if (typeof request.body === 'string') parts.push('--data-raw', shellQuote(request.body));
  else if (request.body) {
    for (const part of request.body.parts) {
      parts.push(
        '-F',
        shellQuote(
          part.filename
            ? `${part.name}=@${part.filename};type=${part.type}`
            : `${part.name}=${part.value}`,
        ),
      );
    }
  }
  return parts.join(' ');
}
