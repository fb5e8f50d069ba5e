import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** A JSON Schema (2020-12 dialect, as OpenAPI 3.1 uses it). */
export type Schema = Record<string, unknown> | boolean;
// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is untyped JSON.
export type OpenApiDocument = Record<string, any>;

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Schema;
  /** JSON pointer of the schema inside the document, for the validator. */
  pointer: string;
}

export interface MediaType {
  mediaType: string;
  schema?: Schema;
  pointer: string;
  /** Multipart `encoding`: the content type of each part. */
  encoding?: Record<string, { contentType?: string }>;
}

export interface ResponseHeader {
  name: string;
  required: boolean;
  schema?: Schema;
  pointer: string;
}

export interface ResponseSpec {
  status: string;
  content: MediaType[];
  headers: ResponseHeader[];
}

export interface Operation {
  operationId: string;
  method: HttpMethod;
  path: string;
  tag?: string;
  sdkMethod?: string;
  /** `x-roles`; empty for public operations. */
  roles: string[];
  /** True when the operation needs no credentials (`security: []` or `x-public`). */
  public: boolean;
  parameters: Parameter[];
  requestBody?: { required: boolean; content: MediaType[] };
  responses: ResponseSpec[];
}

export interface LoadSpecOptions {
  /** A document, or the path of a JSON or YAML file. Default: the BOS V2 contract. */
  spec?: OpenApiDocument | string;
}

const require = createRequire(import.meta.url);

/** Reads a JSON or YAML OpenAPI file (already bundled: only internal `$ref`s). */
export function readSpecFile(file: string): OpenApiDocument {
  const text = readFileSync(file, 'utf8');
  return /\.ya?ml$/i.test(file) ? (parseYaml(text) as OpenApiDocument) : JSON.parse(text);
}

/**
 * Loads the OpenAPI document to test against.
 *
 * Without a `spec`, it takes the BOS V2 contract: `@bosv2/contract`'s `loadSpec()` when the
 * package exports it, else its built `openapi.json`, else it bundles the package's
 * `openapi/openapi.yaml` with Redocly (in the monorepo).
 *
 * @example
 * const doc = await loadSpec({ spec: './openapi.json' });
 */
export async function loadSpec(options: LoadSpecOptions = {}): Promise<OpenApiDocument> {
  if (options.spec && typeof options.spec === 'object') return options.spec;
  if (typeof options.spec === 'string') return readSpecFile(options.spec);
  try {
    const contract = (await import('@bosv2/contract' as string)) as {
      loadSpec?: () => unknown;
    };
    if (typeof contract.loadSpec === 'function') {
      const doc = await contract.loadSpec();
      if (doc && typeof doc === 'object') return doc as OpenApiDocument;
    }
  } catch {
    // not built yet: fall through to the files
  }
  let packageDir: string | undefined;
  try {
    packageDir = dirname(require.resolve('@bosv2/contract/package.json'));
  } catch {
    throw new Error(
      'Kontrak BOS V2 tidak ditemukan; pakai --spec FILE (BOS V2 contract not found; pass --spec FILE)',
    );
  }
  const built = join(packageDir, 'dist', 'openapi.json');
  if (existsSync(built)) return readSpecFile(built);
  const root = join(packageDir, 'openapi', 'openapi.yaml');
  if (!existsSync(root)) {
    throw new Error(`Kontrak tidak ada di ${root} (no contract at ${root})`);
  }
  const out = join(mkdtempSync(join(tmpdir(), 'bosv2-contract-')), 'openapi.json');
  execFileSync('npx', ['redocly', 'bundle', 'openapi/openapi.yaml', '-o', out], {
    cwd: packageDir,
    stdio: 'ignore',
  });
  return readSpecFile(out);
}

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(token: string): string {
  return decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Follows a local JSON pointer (`#/components/schemas/X`). */
export function getByPointer(doc: OpenApiDocument, pointer: string): unknown {
  const path = pointer.replace(/^#/, '').split('/').slice(1).map(unescapePointer);
  let node: unknown = doc;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Resolves `$ref` chains of non-schema objects (parameters, responses, headers). */
export function deref<T = Record<string, unknown>>(
  doc: OpenApiDocument,
  node: unknown,
  pointer: string,
): { value: T; pointer: string } {
  let current = node as Record<string, unknown>;
  let at = pointer;
  for (let i = 0; i < 20 && current && typeof current.$ref === 'string'; i++) {
    at = current.$ref as string;
    current = getByPointer(doc, at) as Record<string, unknown>;
  }
  return { value: current as T, pointer: at };
}

function mediaTypes(content: unknown, pointer: string): MediaType[] {
  if (!content || typeof content !== 'object') return [];
  return Object.entries(
    content as Record<string, { schema?: Schema; encoding?: MediaType['encoding'] }>,
  ).map(([mediaType, m]) => {
    const schemaPointer = `${pointer}/${escapePointer(mediaType)}/schema`;
    const media: MediaType = { mediaType, pointer: schemaPointer };
    if (m && m.schema !== undefined) media.schema = m.schema;
    if (m?.encoding) media.encoding = m.encoding;
    return media;
  });
}

/** Lists every operation of a document with its parameters, body and responses resolved. */
export function listOperations(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  const globalSecurity = doc.security as unknown[] | undefined;
  for (const [path, rawItem] of Object.entries((doc.paths ?? {}) as Record<string, unknown>)) {
    const itemPointer = `#/paths/${escapePointer(path)}`;
    const { value: item, pointer: itemAt } = deref<Record<string, unknown>>(
      doc,
      rawItem,
      itemPointer,
    );
    if (!item) continue;
    const shared = (item.parameters as unknown[] | undefined) ?? [];
    for (const method of HTTP_METHODS) {
      const op = item[method] as Record<string, unknown> | undefined;
      if (!op) continue;
      const opAt = `${itemAt}/${method}`;
      const params = new Map<string, Parameter>();
      const addParams = (list: unknown[], at: string) => {
        list.forEach((raw, index) => {
          const { value: p, pointer } = deref<Record<string, unknown>>(doc, raw, `${at}/${index}`);
          if (!p || typeof p.name !== 'string') return;
          const where = p.in as Parameter['in'];
          params.set(`${where}:${where === 'header' ? p.name.toLowerCase() : p.name}`, {
            name: p.name,
            in: where,
            required: where === 'path' ? true : p.required === true,
            schema: (p.schema as Schema | undefined) ?? {},
            pointer: `${pointer}/schema`,
          });
        });
      };
      addParams(shared, `${itemAt}/parameters`);
      addParams((op.parameters as unknown[] | undefined) ?? [], `${opAt}/parameters`);
      const security = (op.security as unknown[] | undefined) ?? globalSecurity ?? [];
      const isPublic = op['x-public'] === true || security.length === 0;
      const operation: Operation = {
        operationId: (op.operationId as string | undefined) ?? `${method} ${path}`,
        method,
        path,
        roles: Array.isArray(op['x-roles']) ? (op['x-roles'] as string[]) : [],
        public: isPublic,
        parameters: [...params.values()],
        responses: [],
      };
      const tags = op.tags as string[] | undefined;
      if (tags?.[0]) operation.tag = tags[0];
      if (typeof op['x-sdk-method'] === 'string') operation.sdkMethod = op['x-sdk-method'];
      if (op.requestBody) {
        const { value: body, pointer } = deref<Record<string, unknown>>(
          doc,
          op.requestBody,
          `${opAt}/requestBody`,
        );
        operation.requestBody = {
          required: body.required === true,
          content: mediaTypes(body.content, `${pointer}/content`),
        };
      }
      for (const [status, rawResponse] of Object.entries(
        (op.responses ?? {}) as Record<string, unknown>,
      )) {
        const { value: response, pointer } = deref<Record<string, unknown>>(
          doc,
          rawResponse,
          `${opAt}/responses/${escapePointer(status)}`,
        );
        const headers: ResponseHeader[] = [];
        for (const [name, rawHeader] of Object.entries(
          (response.headers ?? {}) as Record<string, unknown>,
        )) {
          const { value: header, pointer: headerAt } = deref<Record<string, unknown>>(
            doc,
            rawHeader,
            `${pointer}/headers/${escapePointer(name)}`,
          );
          const h: ResponseHeader = {
            name,
            required: header?.required === true,
            pointer: `${headerAt}/schema`,
          };
          if (header?.schema !== undefined) h.schema = header.schema as Schema;
          headers.push(h);
        }
        operation.responses.push({
          status: status.toUpperCase(),
          content: mediaTypes(response.content, `${pointer}/content`),
          headers,
        });
      }
      operations.push(operation);
    }
  }
  return operations;
}

/** The documented response for a status: exact, then `4XX`-style range, then `default`. */
export function findResponse(op: Operation, status: number): ResponseSpec | undefined {
  const exact = op.responses.find((r) => r.status === String(status));
  if (exact) return exact;
  const range = op.responses.find((r) => r.status === `${String(status)[0]}XX`);
  return range ?? op.responses.find((r) => r.status === 'DEFAULT');
}

/** Methods documented on a path. */
export function methodsOfPath(operations: Operation[], path: string): HttpMethod[] {
  return operations.filter((o) => o.path === path).map((o) => o.method);
}

/** Follows a schema's `$ref` chain and folds `allOf` into one schema (best effort). */
export function resolveSchema(doc: OpenApiDocument, schema: Schema, depth = 0): Schema {
  if (typeof schema !== 'object' || depth > 30) return schema;
  let current: Schema = schema;
  if (typeof current.$ref === 'string') {
    const { $ref, ...siblings } = current;
    const target = getByPointer(doc, $ref as string) as Schema | undefined;
    current = resolveSchema(doc, target ?? {}, depth + 1);
    if (Object.keys(siblings).length > 0) current = mergeSchemas(current, siblings);
  }
  if (typeof current === 'object' && Array.isArray(current.allOf)) {
    const { allOf, ...rest } = current;
    let merged: Schema = rest;
    for (const part of allOf as Schema[]) {
      merged = mergeSchemas(merged, resolveSchema(doc, part, depth + 1));
    }
    current = merged;
  }
  return current;
}

/** Merges two schemas as `allOf` would (properties, required, the tighter bounds). */
export function mergeSchemas(a: Schema, b: Schema): Schema {
  if (typeof a !== 'object') return b;
  if (typeof b !== 'object') return a;
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const prev = out[key];
    if (prev === undefined) {
      out[key] = value;
      continue;
    }
    switch (key) {
      case 'properties': {
        const props = { ...(prev as Record<string, Schema>) };
        for (const [name, s] of Object.entries(value as Record<string, Schema>)) {
          props[name] = props[name] === undefined ? s : { allOf: [props[name], s] };
        }
        out.properties = props;
        break;
      }
      case 'required':
        out.required = [...new Set([...(prev as string[]), ...(value as string[])])];
        break;
      case 'minimum':
      case 'minLength':
      case 'minItems':
      case 'exclusiveMinimum':
        out[key] = Math.max(prev as number, value as number);
        break;
      case 'maximum':
      case 'maxLength':
      case 'maxItems':
      case 'exclusiveMaximum':
        out[key] = Math.min(prev as number, value as number);
        break;
      case 'allOf':
        out.allOf = [...(prev as Schema[]), ...(value as Schema[])];
        break;
      case 'type': {
        const pa = ([] as unknown[]).concat(prev);
        const both = ([] as unknown[])
          .concat(value)
          .filter((t) => pa.includes(t) || (t === 'integer' && pa.includes('number')));
        out.type = both.length === 1 ? both[0] : both;
        break;
      }
      default:
        out[key] = value;
    }
  }
  return out;
}
