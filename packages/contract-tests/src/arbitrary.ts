import fc from 'fast-check';
import { mergeSchemas, type OpenApiDocument, resolveSchema, type Schema } from './spec.js';

/** Where a generated value goes; headers and paths need safer characters than bodies. */
export type ValueContext = 'body' | 'query' | 'path' | 'header';

export interface ArbitraryOptions {
  context?: ValueContext;
  /** Leave out `readOnly` properties (requests) or `writeOnly` ones (responses). */
  direction?: 'request' | 'response';
}

const SAFE_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.'.split('');
const WORD_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');
const MAX_DEPTH = 8;
const PATTERNS = new Map<string, fc.Arbitrary<string>>();

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

const dateArb = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2035, 11, 31) })
  .map((ms) => new Date(ms));

function isoDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function isoTime(d: Date): string {
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

const word = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...WORD_CHARS), minLength: min, maxLength: max });

const FORMATS: Record<string, fc.Arbitrary<string>> = {
  uuid: fc.uuid(),
  date: dateArb.map(isoDate),
  'date-time': fc
    .tuple(dateArb, fc.constantFrom('Z', '+08:00', '+07:00', '-03:30'))
    .map(([d, tz]) => `${isoDate(d)}T${isoTime(d)}${tz}`),
  time: dateArb.map((d) => `${isoTime(d)}Z`),
  email: fc.tuple(word(1, 12), word(1, 10)).map(([l, d]) => `${l}@${d}.id`),
  uri: word(1, 12).map((s) => `https://example.org/${s}`),
  'uri-reference': word(1, 12).map((s) => `/${s}`),
  url: word(1, 12).map((s) => `https://example.org/${s}`),
  hostname: word(1, 12).map((s) => `${s}.example.org`),
  ipv4: fc.ipV4(),
  ipv6: fc.ipV6(),
};

function stringArb(schema: Record<string, unknown>, context: ValueContext): fc.Arbitrary<string> {
  const format = schema.format as string | undefined;
  const minLength = (schema.minLength as number | undefined) ?? (context === 'path' ? 1 : 0);
  const maxLength = Math.min(
    (schema.maxLength as number | undefined) ?? minLength + 24,
    minLength + 60,
  );
  if (format && FORMATS[format]) return FORMATS[format];
  if (typeof schema.pattern === 'string') {
    const cached = PATTERNS.get(schema.pattern);
    if (cached) return cached;
    try {
      // Building a pattern arbitrary is costly in fast-check: build each pattern once.
      const arb = fc.stringMatching(new RegExp(schema.pattern, 'u'), { size: 'small' });
      PATTERNS.set(schema.pattern, arb);
      return arb;
    } catch {
      // a pattern fast-check cannot generate from: fall back to plain strings
    }
  }
  if (context === 'header' || context === 'path') {
    return fc
      .string({
        unit: fc.constantFrom(...SAFE_CHARS),
        minLength: Math.max(minLength, context === 'path' ? 1 : 0),
        maxLength,
      })
      .filter((s) => s !== '.' && s !== '..');
  }
  return fc.string({ minLength, maxLength });
}

function numberArb(schema: Record<string, unknown>, integer: boolean): fc.Arbitrary<number> {
  let min = schema.minimum as number | undefined;
  let max = schema.maximum as number | undefined;
  const exMin = schema.exclusiveMinimum as number | undefined;
  const exMax = schema.exclusiveMaximum as number | undefined;
  const multipleOf = schema.multipleOf as number | undefined;
  if (integer || multipleOf) {
    const step = multipleOf ?? 1;
    if (exMin !== undefined) min = Math.max(min ?? -Infinity, exMin + (integer ? 1 : step / 1e6));
    if (exMax !== undefined) max = Math.min(max ?? Infinity, exMax - (integer ? 1 : step / 1e6));
    const lo = Math.ceil((min ?? Math.min(-1000, (max ?? 0) - 2000)) / step);
    const hi = Math.floor((max ?? Math.max(1000, (min ?? 0) + 2000)) / step);
    if (lo > hi) return fc.constant(lo * step);
    return fc.integer({ min: lo, max: hi }).map((k) => k * step);
  }
  return fc.double({
    min: exMin ?? min ?? -1e6,
    max: exMax ?? max ?? 1e6,
    minExcluded: exMin !== undefined,
    maxExcluded: exMax !== undefined,
    noNaN: true,
    noDefaultInfinity: true,
  });
}

function anyArb(context: ValueContext): fc.Arbitrary<unknown> {
  return fc.oneof(stringArb({}, context), fc.integer({ min: -100, max: 100 }), fc.boolean());
}

/**
 * A fast-check arbitrary of values valid against a JSON Schema (best effort: the runner checks
 * each value with Ajv and treats a value that misses as an invalid request).
 *
 * @example
 * const arb = arbitraryFor(doc, { type: 'integer', minimum: 1, maximum: 100 });
 * fc.sample(arb, { seed: 1, numRuns: 3 });
 */
export function arbitraryFor(
  doc: OpenApiDocument,
  schema: Schema,
  options: ArbitraryOptions = {},
  depth = 0,
): fc.Arbitrary<unknown> {
  const context = options.context ?? 'body';
  const s = resolveSchema(doc, schema);
  if (s === true || (typeof s === 'object' && Object.keys(s).length === 0)) return anyArb(context);
  if (s === false) return fc.constant(null);
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum) && s.enum.length > 0) return fc.constantFrom(...(s.enum as unknown[]));
  if (Array.isArray(s.oneOf) || Array.isArray(s.anyOf)) {
    const { oneOf, anyOf, ...base } = s;
    const branches = ((oneOf ?? anyOf) as Schema[]).map((b) =>
      arbitraryFor(doc, mergeSchemas(base, resolveSchema(doc, b)), options, depth + 1),
    );
    return fc.oneof(...branches);
  }
  if (s.if !== undefined && (s.then !== undefined || s.else !== undefined)) {
    const { if: cond, then, else: otherwise, ...base } = s;
    const whenTrue = mergeSchemas(
      mergeSchemas(base, resolveSchema(doc, cond as Schema)),
      resolveSchema(doc, (then as Schema) ?? {}),
    );
    const whenFalse = mergeSchemas(base, resolveSchema(doc, (otherwise as Schema) ?? {}));
    return fc.oneof(
      arbitraryFor(doc, whenTrue, options, depth + 1),
      arbitraryFor(doc, whenFalse, options, depth + 1),
    );
  }
  const types = ([] as unknown[]).concat(s.type ?? inferType(s));
  if (types.length > 1) {
    return fc.oneof(...types.map((t) => arbitraryFor(doc, { ...s, type: t }, options, depth + 1)));
  }
  switch (types[0]) {
    case 'string':
      return stringArb(s, context);
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return arrayArb(doc, s, options, depth);
    case 'object':
      return objectArb(doc, s, options, depth);
    default:
      return anyArb(context);
  }
}

function inferType(s: Record<string, unknown>): string[] {
  if (s.properties || s.required || s.additionalProperties) return ['object'];
  if (s.items || s.prefixItems) return ['array'];
  if (s.minLength !== undefined || s.pattern || s.format) return ['string'];
  if (s.minimum !== undefined || s.maximum !== undefined) return ['number'];
  return [];
}

function arrayArb(
  doc: OpenApiDocument,
  s: Record<string, unknown>,
  options: ArbitraryOptions,
  depth: number,
): fc.Arbitrary<unknown[]> {
  const minLength = (s.minItems as number | undefined) ?? 0;
  const cap = depth >= MAX_DEPTH ? minLength : minLength + 4;
  const maxLength = Math.min((s.maxItems as number | undefined) ?? cap, cap);
  const items = arbitraryFor(doc, (s.items as Schema | undefined) ?? {}, options, depth + 1);
  if (s.uniqueItems === true) {
    return fc.uniqueArray(items, { minLength, maxLength, selector: (v) => JSON.stringify(v) });
  }
  return fc.array(items, { minLength, maxLength });
}

function objectArb(
  doc: OpenApiDocument,
  s: Record<string, unknown>,
  options: ArbitraryOptions,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const properties = (s.properties ?? {}) as Record<string, Schema>;
  const required = new Set((s.required as string[] | undefined) ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const skip = options.direction === 'response' ? 'writeOnly' : 'readOnly';
  for (const [name, propSchema] of Object.entries(properties)) {
    const resolved = resolveSchema(doc, propSchema);
    if (typeof resolved === 'object' && resolved[skip] === true && !required.has(name)) continue;
    if (!required.has(name) && depth >= MAX_DEPTH) continue;
    model[name] = arbitraryFor(doc, propSchema, options, depth + 1);
  }
  for (const name of required) {
    if (!(name in model)) model[name] = anyArb(options.context ?? 'body');
  }
  const record = fc.record(model, { requiredKeys: [...required] as never[] });
  const extra = s.additionalProperties;
  if (Object.keys(properties).length === 0 && extra && typeof extra === 'object') {
    return fc.dictionary(word(1, 8), arbitraryFor(doc, extra as Schema, options, depth + 1), {
      minKeys: 0,
      maxKeys: 3,
    });
  }
  return record as fc.Arbitrary<Record<string, unknown>>;
}
