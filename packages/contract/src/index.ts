/**
 * The BOS V2 OpenAPI 3.1 contract, bundled into one document.
 *
 * Node code reads it through {@link loadSpec} or the file paths below. Browsers and bundlers
 * import the JSON directly: `import spec from '@bosv2/contract/openapi.json'`.
 *
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The HTTP methods an OpenAPI path item can hold an operation under. */
export const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
] as const;

/** One of {@link HTTP_METHODS}. */
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** The parts of an OpenAPI 3.1 document this package relies on; everything else is `unknown`. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; [key: string]: unknown };
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

/** An operation of the contract with the conventions of decision 0001 read out. */
export interface OperationInfo {
  /** camelCase `verbNoun`, e.g. `listActivities`. */
  operationId: string;
  method: HttpMethod;
  /** The path without the `/api/v2` server prefix, e.g. `/activities/{id}`. */
  path: string;
  /** The single tag, the SDK group (e.g. `activities`). */
  tag: string;
  /** The method name within the SDK group (`x-sdk-method`), e.g. `list`. */
  sdkMethod: string;
  /** Roles that may call it (`x-roles`); empty for public operations. */
  roles: string[];
  /** `x-public: true`: no token needed. */
  isPublic: boolean;
  /** The operation object itself, as in the bundled document. */
  operation: Record<string, unknown>;
}

// src/ and dist/ both sit one level below the package root.
const distUrl = new URL('../dist/', import.meta.url);

/**
 * Absolute path of the bundled contract as JSON (`dist/openapi.json`).
 *
 * @example
 * ```ts
 * import { specPath } from '@bosv2/contract';
 * const document = JSON.parse(await readFile(specPath, 'utf8'));
 * ```
 */
export const specPath: string = fileURLToPath(new URL('openapi.json', distUrl));

/**
 * Absolute path of the bundled contract as YAML (`dist/openapi.yaml`), the same document as
 * {@link specPath}.
 *
 * @example
 * ```ts
 * import { specYamlPath } from '@bosv2/contract';
 * await generate({ input: specYamlPath });
 * ```
 */
export const specYamlPath: string = fileURLToPath(new URL('openapi.yaml', distUrl));

let cached: OpenApiDocument | undefined;

/**
 * Reads and parses the bundled contract once; later calls return the same object, so treat
 * it as read-only (use `structuredClone` to change a copy).
 *
 * @throws if the package has not been built (`pnpm -F @bosv2/contract build`).
 * @example
 * ```ts
 * import { loadSpec } from '@bosv2/contract';
 * const spec = loadSpec();
 * console.log(spec.info.version, Object.keys(spec.paths).length);
 * ```
 */
export function loadSpec(): OpenApiDocument {
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(specPath, 'utf8');
  } catch (error) {
    throw new Error(
      `The bundled contract is missing at ${specPath}; run \`pnpm -F @bosv2/contract build\`.`,
      { cause: error },
    );
  }
  cached = JSON.parse(text) as OpenApiDocument;
  return cached;
}

/**
 * Every operation of a document (by default the bundled contract): paths in document order,
 * and within a path the methods in the order of {@link HTTP_METHODS}.
 *
 * @example
 * ```ts
 * import { listOperations } from '@bosv2/contract';
 * for (const op of listOperations()) console.log(op.method.toUpperCase(), op.path, op.operationId);
 * ```
 */
export function listOperations(document: OpenApiDocument = loadSpec()): OperationInfo[] {
  const result: OperationInfo[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as Record<string, unknown> | undefined;
      if (!operation || typeof operation !== 'object') continue;
      const tags = Array.isArray(operation.tags) ? (operation.tags as string[]) : [];
      result.push({
        operationId: String(operation.operationId ?? ''),
        method,
        path,
        tag: tags[0] ?? '',
        sdkMethod: String(operation['x-sdk-method'] ?? ''),
        roles: Array.isArray(operation['x-roles']) ? (operation['x-roles'] as string[]) : [],
        isPublic: operation['x-public'] === true,
        operation,
      });
    }
  }
  return result;
}
