import type { HttpMethod, JsonSchema, OpenApiDocument } from './types.js';

export const HTTP_METHODS: HttpMethod[] = [
  'get',
  'put',
  'post',
  'delete',
  'patch',
  'head',
  'options',
  'trace',
];

export interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
  /** JSON pointer of the schema in the document, for Ajv. */
  pointer: string;
}

export interface ResponseSpec {
  status: string;
  /** media type → pointer of the schema (null when the media type has no schema). */
  content: Record<string, string | null>;
  /** header name (lower case) → { required, pointer } */
  headers: Record<string, { required: boolean; pointer: string | null }>;
  examples: unknown[];
  /** Named examples (`content.<media>.examples.<name>.value`), for `Prefer: example=<name>`. */
  named: Record<string, unknown>;
}

export interface OperationSpec {
  operationId: string;
  method: HttpMethod;
  /** The path template, e.g. `/officers/{officerId}`. */
  path: string;
  tags: string[];
  sdkMethod: string | undefined;
  roles: string[];
  isPublic: boolean;
  parameters: ParameterSpec[];
  requestBody: {
    required: boolean;
    /** media type → pointer of its schema (null without one) */
    content: Record<string, string | null>;
  } | null;
  responses: Record<string, ResponseSpec>;
  /** Creates take an Idempotency-Key header. */
  idempotent: boolean;
  /** Updates take If-Match. */
  ifMatch: boolean;
  raw: Record<string, unknown>;
}

/** Escapes a JSON pointer segment. */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

const pointerCache = new WeakMap<object, Map<string, unknown>>();

/** Follows a local JSON pointer (`#/components/schemas/X`); memoised per document. */
export function resolvePointer(doc: unknown, pointer: string): unknown {
  if (!pointer.startsWith('#')) throw new Error(`Only local references are supported: ${pointer}`);
  let cache = doc && typeof doc === 'object' ? pointerCache.get(doc) : undefined;
  if (!cache && doc && typeof doc === 'object') {
    cache = new Map();
    pointerCache.set(doc, cache);
  }
  if (cache?.has(pointer)) return cache.get(pointer);
  const parts = pointer.slice(1).split('/').slice(1);
  let node: unknown = doc;
  for (const raw of parts) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') {
      node = undefined;
      break;
    }
    node = (node as Record<string, unknown>)[key];
  }
  cache?.set(pointer, node);
  return node;
}

/** Follows `$ref`s until an object without one; returns it with the pointer it lives at. */
export function deref(
  doc: unknown,
  value: unknown,
  pointer: string,
): { value: unknown; pointer: string } {
  let current = value;
  let at = pointer;
  for (let hops = 0; hops < 20; hops++) {
    if (current && typeof current === 'object' && '$ref' in current) {
      const ref = (current as { $ref: string }).$ref;
      at = ref;
      current = resolvePointer(doc, ref);
    } else break;
  }
  return { value: current, pointer: at };
}

function contentPointers(
  doc: unknown,
  content: unknown,
  base: string,
): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (!content || typeof content !== 'object') return out;
  for (const [media, entry] of Object.entries(content as Record<string, unknown>)) {
    const e = entry as { schema?: unknown } | undefined;
    out[media] = e?.schema !== undefined ? `${base}/${escapePointer(media)}/schema` : null;
  }
  void doc;
  return out;
}

function namedExamples(content: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!content || typeof content !== 'object') return out;
  for (const entry of Object.values(content as Record<string, { examples?: unknown }>)) {
    if (!entry?.examples || typeof entry.examples !== 'object') continue;
    for (const [name, ex] of Object.entries(entry.examples as Record<string, unknown>)) {
      if (ex && typeof ex === 'object' && 'value' in ex && !(name in out))
        out[name] = (ex as { value: unknown }).value;
    }
  }
  return out;
}

function collectExamples(content: unknown): unknown[] {
  const out: unknown[] = [];
  if (!content || typeof content !== 'object') return out;
  for (const entry of Object.values(
    content as Record<string, { example?: unknown; examples?: unknown }>,
  )) {
    if (entry?.example !== undefined) out.push(entry.example);
    if (entry?.examples && typeof entry.examples === 'object') {
      for (const ex of Object.values(entry.examples as Record<string, { value?: unknown }>)) {
        if (ex && typeof ex === 'object' && 'value' in ex) out.push(ex.value);
      }
    }
  }
  return out;
}

const opsOfDoc = new WeakMap<object, OperationSpec[]>();

/** Reads every operation of the document into a flat table (once per document). */
export function compileOperations(doc: OpenApiDocument): OperationSpec[] {
  const known = opsOfDoc.get(doc);
  if (known) return known;
  const ops = readOperations(doc);
  opsOfDoc.set(doc, ops);
  return ops;
}

function readOperations(doc: OpenApiDocument): OperationSpec[] {
  const ops: OperationSpec[] = [];
  const rootSecurity = doc.security ?? [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const itemPointer = `#/paths/${escapePointer(path)}`;
    const { value: item, pointer: itemAt } = deref(doc, rawItem, itemPointer);
    if (!item || typeof item !== 'object') continue;
    const pathItem = item as Record<string, unknown>;
    const shared = (pathItem.parameters as unknown[] | undefined) ?? [];
    for (const method of HTTP_METHODS) {
      const op = pathItem[method] as Record<string, unknown> | undefined;
      if (!op) continue;
      const opAt = `${itemAt}/${method}`;
      const params = new Map<string, ParameterSpec>();
      const addParams = (list: unknown[], base: string) => {
        list.forEach((p, index) => {
          const { value, pointer } = deref(doc, p, `${base}/${index}`);
          const param = value as {
            name: string;
            in: ParameterSpec['in'];
            required?: boolean;
            schema?: JsonSchema;
          };
          if (!param?.name) return;
          params.set(`${param.in}:${param.name.toLowerCase()}`, {
            name: param.name,
            in: param.in,
            required: param.in === 'path' ? true : Boolean(param.required),
            schema: param.schema ?? {},
            pointer: `${pointer}/schema`,
          });
        });
      };
      addParams(shared, `${itemAt}/parameters`);
      addParams((op.parameters as unknown[] | undefined) ?? [], `${opAt}/parameters`);

      let requestBody: OperationSpec['requestBody'] = null;
      if (op.requestBody) {
        const { value, pointer } = deref(doc, op.requestBody, `${opAt}/requestBody`);
        const body = value as { required?: boolean; content?: unknown };
        requestBody = {
          required: Boolean(body?.required),
          content: contentPointers(doc, body?.content, `${pointer}/content`),
        };
      }

      const responses: Record<string, ResponseSpec> = {};
      for (const [status, rawResponse] of Object.entries(
        (op.responses as Record<string, unknown>) ?? {},
      )) {
        const { value, pointer } = deref(
          doc,
          rawResponse,
          `${opAt}/responses/${escapePointer(status)}`,
        );
        const response = value as { content?: unknown; headers?: Record<string, unknown> };
        const headers: ResponseSpec['headers'] = {};
        for (const [name, rawHeader] of Object.entries(response?.headers ?? {})) {
          const h = deref(doc, rawHeader, `${pointer}/headers/${escapePointer(name)}`);
          const header = h.value as { required?: boolean; schema?: unknown };
          headers[name.toLowerCase()] = {
            required: Boolean(header?.required),
            pointer: header?.schema !== undefined ? `${h.pointer}/schema` : null,
          };
        }
        responses[status] = {
          status,
          content: contentPointers(doc, response?.content, `${pointer}/content`),
          headers,
          examples: collectExamples(response?.content),
          named: namedExamples(response?.content),
        };
      }

      const security = (op.security as Record<string, string[]>[] | undefined) ?? rootSecurity;
      const isPublic =
        op['x-public'] === true ||
        security.length === 0 ||
        security.some((s) => Object.keys(s).length === 0);
      const parameters = [...params.values()];
      ops.push({
        operationId: (op.operationId as string | undefined) ?? `${method}${path}`,
        method,
        path,
        tags: (op.tags as string[] | undefined) ?? [],
        sdkMethod: op['x-sdk-method'] as string | undefined,
        roles: (op['x-roles'] as string[] | undefined) ?? [],
        isPublic,
        parameters,
        requestBody,
        responses,
        idempotent: parameters.some(
          (p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key',
        ),
        ifMatch: parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match'),
        raw: op,
      });
    }
  }
  return ops;
}
