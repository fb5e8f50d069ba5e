/**
 * Finds every example in a bundled OpenAPI 3.1 document and validates it against its schema
 * with Ajv (JSON Schema 2020-12). Used by examples.test.ts on dist/openapi.json and on the
 * broken fixtures, so the checks themselves are tested.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** One example to validate: where it is, its value and the schemas it must satisfy. */
export interface ExampleCase {
  /** JSON pointer of the example in the document, e.g. `/paths/~1me/get/.../example`. */
  pointer: string;
  value: unknown;
  /** JSON pointers of the schemas the value must be valid against (usually one). */
  schemaPointers: string[];
  /** Set when the example cannot be checked at all (no schema, external value, ...). */
  problem?: string;
}

const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SCHEMA_SINGLES = [
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'contentSchema',
];
const SCHEMA_ARRAYS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Escapes one JSON pointer segment (RFC 6901). */
export const escapeSegment = (s: string | number): string =>
  String(s).replace(/~/g, '~0').replace(/\//g, '~1');

const join = (pointer: string, ...segments: (string | number)[]): string =>
  pointer + segments.map((s) => `/${escapeSegment(s)}`).join('');

/** The value at a JSON pointer (`''` is the whole document), or undefined. */
export function getAtPointer(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  if (!pointer.startsWith('/')) return undefined;
  let node: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node) && Object.hasOwn(node, key)) node = node[key];
    else return undefined;
  }
  return node;
}

/** Every `$ref` of the document that does not point at something in it. */
export function findBrokenRefs(document: unknown): string[] {
  const broken: string[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) visit(child, join(pointer, i));
      return;
    }
    if (!isObject(node)) return;
    for (const [key, child] of Object.entries(node)) {
      if (key === '$ref' && typeof child === 'string') {
        if (!child.startsWith('#')) {
          broken.push(`${join(pointer, key)}: "${child}" points outside the bundled document`);
        } else if (getAtPointer(document, decodeURIComponent(child.slice(1))) === undefined) {
          broken.push(`${join(pointer, key)}: "${child}" points at nothing`);
        }
      } else {
        visit(child, join(pointer, key));
      }
    }
  };
  visit(document, '');
  return broken;
}

/** Collects every example of a bundled OpenAPI 3.1 document. */
export function collectExamples(document: JsonObject): ExampleCase[] {
  const cases: ExampleCase[] = [];
  // Component examples: pointer -> schemas of the places that use them.
  const componentUses = new Map<string, string[]>();

  const deref = (node: Json | undefined): { node: Json | undefined; pointer?: string } => {
    let current = node;
    let pointer: string | undefined;
    for (let hops = 0; isObject(current) && typeof current.$ref === 'string' && hops < 20; hops++) {
      pointer = decodeURIComponent(current.$ref.slice(1));
      current = getAtPointer(document, pointer) as Json | undefined;
    }
    return { node: current, pointer };
  };

  /** `example` / `examples` of a media type, parameter or header with the given schema. */
  const exampleHolder = (
    holder: JsonObject,
    pointer: string,
    schemaPointer: string | undefined,
  ) => {
    const schemas = schemaPointer ? [schemaPointer] : [];
    const noSchema = schemaPointer ? undefined : 'it has no schema to validate against';
    if (holder.example !== undefined) {
      cases.push({
        pointer: join(pointer, 'example'),
        value: holder.example,
        schemaPointers: schemas,
        ...(noSchema ? { problem: noSchema } : {}),
      });
    }
    if (isObject(holder.examples)) {
      for (const [name, raw] of Object.entries(holder.examples)) {
        const at = join(pointer, 'examples', name);
        const { node, pointer: target } = deref(raw);
        if (target && isObject(raw) && typeof raw.$ref === 'string') {
          if (target.startsWith('/components/examples/') && schemaPointer) {
            const uses = componentUses.get(target) ?? [];
            uses.push(schemaPointer);
            componentUses.set(target, uses);
          }
        }
        if (!isObject(node)) {
          cases.push({
            pointer: at,
            value: undefined,
            schemaPointers: schemas,
            problem: 'the example object cannot be resolved',
          });
        } else if (node.externalValue !== undefined) {
          cases.push({
            pointer: at,
            value: undefined,
            schemaPointers: schemas,
            problem: 'externalValue examples cannot be checked; inline the value',
          });
        } else {
          cases.push({
            pointer: at,
            value: node.value,
            schemaPointers: schemas,
            ...(noSchema
              ? { problem: noSchema }
              : node.value === undefined
                ? { problem: 'the example has no value' }
                : {}),
          });
        }
      }
    }
  };

  const schema = (node: Json | undefined, pointer: string): void => {
    if (!isObject(node)) return;
    if (Array.isArray(node.examples)) {
      node.examples.forEach((value, i) => {
        cases.push({ pointer: join(pointer, 'examples', i), value, schemaPointers: [pointer] });
      });
    }
    if (node.example !== undefined) {
      cases.push({
        pointer: join(pointer, 'example'),
        value: node.example,
        schemaPointers: [pointer],
      });
    }
    for (const key of SCHEMA_MAPS) {
      const map = node[key];
      if (isObject(map))
        for (const [name, sub] of Object.entries(map)) schema(sub, join(pointer, key, name));
    }
    for (const key of SCHEMA_SINGLES) {
      if (isObject(node[key])) schema(node[key], join(pointer, key));
    }
    for (const key of SCHEMA_ARRAYS) {
      const list = node[key];
      if (!Array.isArray(list)) continue;
      for (const [i, sub] of list.entries()) schema(sub, join(pointer, key, i));
    }
  };

  const mediaType = (node: Json | undefined, pointer: string): void => {
    if (!isObject(node) || typeof node.$ref === 'string') return;
    const schemaPointer = node.schema !== undefined ? join(pointer, 'schema') : undefined;
    schema(node.schema, join(pointer, 'schema'));
    exampleHolder(node, pointer, schemaPointer);
    if (isObject(node.encoding)) {
      for (const [name, enc] of Object.entries(node.encoding)) {
        if (isObject(enc) && isObject(enc.headers)) {
          for (const [h, header] of Object.entries(enc.headers)) {
            parameter(header, join(pointer, 'encoding', name, 'headers', h));
          }
        }
      }
    }
  };

  const content = (node: Json | undefined, pointer: string): void => {
    if (!isObject(node)) return;
    for (const [type, media] of Object.entries(node)) mediaType(media, join(pointer, type));
  };

  // Parameters and headers have the same shape.
  const parameter = (node: Json | undefined, pointer: string): void => {
    if (!isObject(node) || typeof node.$ref === 'string') return;
    schema(node.schema, join(pointer, 'schema'));
    if (node.content !== undefined) content(node.content, join(pointer, 'content'));
    else
      exampleHolder(node, pointer, node.schema !== undefined ? join(pointer, 'schema') : undefined);
  };

  const requestBody = (node: Json | undefined, pointer: string): void => {
    if (isObject(node) && typeof node.$ref !== 'string')
      content(node.content, join(pointer, 'content'));
  };

  const response = (node: Json | undefined, pointer: string): void => {
    if (!isObject(node) || typeof node.$ref === 'string') return;
    if (isObject(node.headers)) {
      for (const [name, header] of Object.entries(node.headers))
        parameter(header, join(pointer, 'headers', name));
    }
    content(node.content, join(pointer, 'content'));
  };

  const pathItem = (node: Json | undefined, pointer: string): void => {
    if (!isObject(node) || typeof node.$ref === 'string') return;
    const params = (list: Json | undefined, at: string) => {
      if (!Array.isArray(list)) return;
      for (const [i, p] of list.entries()) parameter(p, join(at, 'parameters', i));
    };
    params(node.parameters, pointer);
    for (const method of METHODS) {
      const op = node[method];
      if (!isObject(op)) continue;
      const at = join(pointer, method);
      params(op.parameters, at);
      requestBody(op.requestBody, join(at, 'requestBody'));
      if (isObject(op.responses)) {
        for (const [code, res] of Object.entries(op.responses))
          response(res, join(at, 'responses', code));
      }
      if (isObject(op.callbacks)) {
        for (const [name, cb] of Object.entries(op.callbacks)) {
          if (isObject(cb))
            for (const [expr, item] of Object.entries(cb))
              pathItem(item, join(at, 'callbacks', name, expr));
        }
      }
    }
  };

  if (isObject(document.paths)) {
    for (const [path, item] of Object.entries(document.paths))
      pathItem(item, join('', 'paths', path));
  }
  if (isObject(document.webhooks)) {
    for (const [name, item] of Object.entries(document.webhooks))
      pathItem(item, join('', 'webhooks', name));
  }
  const components = isObject(document.components) ? document.components : {};
  const each = (kind: string, fn: (node: Json | undefined, pointer: string) => void) => {
    const map = components[kind];
    if (isObject(map))
      for (const [name, node] of Object.entries(map)) fn(node, join('', 'components', kind, name));
  };
  each('schemas', schema);
  each('parameters', parameter);
  each('headers', parameter);
  each('requestBodies', requestBody);
  each('responses', response);
  each('pathItems', pathItem);

  const examples = components.examples;
  if (isObject(examples)) {
    for (const [name, node] of Object.entries(examples)) {
      const pointer = join('', 'components', 'examples', name);
      const uses = [...new Set(componentUses.get(pointer) ?? [])];
      const value = isObject(node) ? node.value : undefined;
      let problem: string | undefined;
      if (!isObject(node) || value === undefined) problem = 'the example has no inline value';
      else if (uses.length === 0)
        problem =
          'no media type, parameter or header uses it, so there is no schema to check it against';
      cases.push({ pointer, value, schemaPointers: uses, ...(problem ? { problem } : {}) });
    }
  }
  return cases;
}

const OPENAPI_ROOT_KEYWORDS = [
  'openapi',
  'info',
  'jsonSchemaDialect',
  'servers',
  'paths',
  'webhooks',
  'components',
  'security',
  'tags',
];

/**
 * A validator for values against schemas of the document, addressed by JSON pointer.
 * Ajv is strict about unknown keywords and formats (typos fail), except the OpenAPI ones:
 * `discriminator`, `example`, `xml`, `externalDocs` and every `x-*` used in the document.
 */
export function createValidator(
  document: JsonObject,
): (schemaPointer: string, value: unknown) => string[] {
  const ajv = new Ajv2020({
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allErrors: true,
  });
  addFormats(ajv);
  // OpenAPI's own formats for numbers and strings.
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
  });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('password', true);
  ajv.addFormat('binary', true);
  const extensions = new Set<string>();
  JSON.stringify(document, (key, value) => {
    if (key.startsWith('x-')) extensions.add(key);
    return value;
  });
  ajv.addVocabulary([
    'discriminator',
    'example',
    'xml',
    'externalDocs',
    ...OPENAPI_ROOT_KEYWORDS,
    ...extensions,
  ]);
  const id = 'urn:bosv2:openapi';
  ajv.addSchema(document, id);
  return (schemaPointer, value) => {
    const fragment = schemaPointer.split('/').map(encodeURIComponent).join('/');
    let validate: ReturnType<typeof ajv.getSchema>;
    try {
      validate = ajv.getSchema(`${id}#${fragment}`);
    } catch (error) {
      return [`the schema at ${schemaPointer} does not compile: ${(error as Error).message}`];
    }
    if (!validate) return [`there is no schema at ${schemaPointer}`];
    if (validate(value)) return [];
    return (validate.errors ?? []).map(
      (e) =>
        `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`,
    );
  };
}

/** Validates one case and returns what is wrong with it (empty when it is valid). */
export function checkExample(
  validate: ReturnType<typeof createValidator>,
  example: ExampleCase,
): string[] {
  if (example.problem) return [example.problem];
  return example.schemaPointers.flatMap((schemaPointer) =>
    validate(schemaPointer, example.value).map((message) => `against ${schemaPointer}: ${message}`),
  );
}
