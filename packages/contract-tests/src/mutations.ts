import fc from 'fast-check';
import {
  type GeneratedRequest,
  generatedParameters,
  isMultipart,
  requestArbitrary,
} from './request.js';
import { type OpenApiDocument, type Operation, resolveSchema, type Schema } from './spec.js';

/** One way to make a valid request invalid. */
export interface Mutation {
  location: 'path' | 'query' | 'header' | 'body';
  name: string;
  description: string;
  apply: (req: GeneratedRequest) => GeneratedRequest;
}

type Segment = string | number;
interface ValueChange {
  at: Segment[];
  description: string;
  /** `undefined` with `remove` deletes the key. */
  value?: unknown;
  remove?: boolean;
}

const BAD_FORMAT: Record<string, string> = {
  uuid: 'not-a-uuid',
  date: '2026-13-45',
  'date-time': 'yesterday',
  time: '25:99',
  email: 'not-an-email',
  uri: 'not a uri',
  ipv4: '999.1.1',
  hostname: '-bad-.host-',
};

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function allows(types: unknown[], v: unknown): boolean {
  const t = typeOf(v);
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

function asTypes(s: Record<string, unknown>): unknown[] {
  return ([] as unknown[]).concat(s.type ?? []);
}

/** Changes to a single value that break its (resolved) schema. */
function valueChanges(
  s: Record<string, unknown>,
  value: unknown,
  asString: boolean,
): ValueChange[] {
  const out: ValueChange[] = [];
  const types = asTypes(s);
  if (types.length > 0) {
    const candidates: unknown[] = asString
      ? ['not-a-value', 'true']
      : ['not-a-value', 12345, 1.5, true, null, { unexpected: 1 }, ['x']];
    const wrong = candidates.filter(
      (c) => !allows(types, c) && !(asString && allows(types, coerce(c as string))),
    );
    for (const w of wrong.slice(0, 1))
      out.push({ at: [], value: w, description: `wrong type (${typeOf(w)})` });
  }
  if (Array.isArray(s.enum)) {
    const bad =
      types.includes('string') || typeof s.enum[0] === 'string' ? '__not_in_enum__' : 987654;
    if (!s.enum.includes(bad))
      out.push({ at: [], value: bad, description: 'value outside the enum' });
  }
  if ('const' in s)
    out.push({
      at: [],
      value: typeof s.const === 'string' ? `${s.const}_x` : '__not_const__',
      description: 'not the const value',
    });
  if (typeof value === 'string' || (types.includes('string') && asString)) {
    const str = typeof value === 'string' ? value : '';
    if (typeof s.minLength === 'number' && s.minLength > 0) {
      out.push({
        at: [],
        value: 'x'.repeat(s.minLength - 1),
        description: `shorter than minLength ${s.minLength}`,
      });
    }
    if (typeof s.maxLength === 'number' && s.maxLength < 20_000) {
      out.push({
        at: [],
        value: 'x'.repeat(s.maxLength + 1),
        description: `longer than maxLength ${s.maxLength}`,
      });
    }
    if (typeof s.pattern === 'string') {
      const re = new RegExp(s.pattern, 'u');
      const bad = ['!', `${str}!`, '~~', 'zz', '0'].find((c) => !re.test(c));
      if (bad !== undefined)
        out.push({ at: [], value: bad, description: `does not match pattern ${s.pattern}` });
    }
    if (typeof s.format === 'string' && BAD_FORMAT[s.format]) {
      out.push({ at: [], value: BAD_FORMAT[s.format], description: `not a valid ${s.format}` });
    }
  }
  if (typeof value === 'number' || types.includes('integer') || types.includes('number')) {
    const integer = types.includes('integer') && !types.includes('number');
    const step = integer ? 1 : 0.5;
    if (typeof s.minimum === 'number')
      out.push({ at: [], value: s.minimum - step, description: `below minimum ${s.minimum}` });
    if (typeof s.exclusiveMinimum === 'number')
      out.push({
        at: [],
        value: s.exclusiveMinimum,
        description: `not above exclusiveMinimum ${s.exclusiveMinimum}`,
      });
    if (typeof s.maximum === 'number')
      out.push({ at: [], value: s.maximum + step, description: `above maximum ${s.maximum}` });
    if (typeof s.exclusiveMaximum === 'number')
      out.push({
        at: [],
        value: s.exclusiveMaximum,
        description: `not below exclusiveMaximum ${s.exclusiveMaximum}`,
      });
    if (integer)
      out.push({
        at: [],
        value: (typeof value === 'number' ? value : 1) + 0.5,
        description: 'not an integer',
      });
  }
  return asString ? out.filter((c) => c.value !== null && typeof c.value !== 'object') : out;
}

function coerce(s: string): unknown {
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s === 'true' || s === 'false') return s === 'true';
  return s;
}

/** Changes anywhere inside a body value that break the body schema. */
function bodyChanges(
  doc: OpenApiDocument,
  schema: Schema,
  value: unknown,
  depth = 0,
): ValueChange[] {
  const s = resolveSchema(doc, schema);
  if (typeof s !== 'object' || depth > 6) return [];
  const out = valueChanges(s, value, false);
  if (Array.isArray(s.oneOf) || Array.isArray(s.anyOf) || s.if !== undefined) return out;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = (s.properties ?? {}) as Record<string, Schema>;
    for (const name of (s.required as string[] | undefined) ?? []) {
      if (name in obj)
        out.push({ at: [name], remove: true, description: `required property "${name}" missing` });
    }
    if (s.additionalProperties === false || s.unevaluatedProperties === false) {
      out.push({ at: ['unexpectedField'], value: 'x', description: 'property not in the schema' });
    }
    for (const [name, v] of Object.entries(obj)) {
      const ps = props[name];
      if (ps === undefined) continue;
      for (const c of bodyChanges(doc, ps, v, depth + 1))
        out.push({ ...c, at: [name, ...c.at], description: `${name}: ${c.description}` });
    }
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && s.minItems > 0)
      out.push({
        at: [],
        value: value.slice(0, s.minItems - 1),
        description: `fewer than minItems ${s.minItems}`,
      });
    if (typeof s.maxItems === 'number' && s.maxItems < 1000 && value.length > 0) {
      out.push({
        at: [],
        value: Array.from({ length: s.maxItems + 1 }, (_, i) => value[i % value.length]),
        description: `more than maxItems ${s.maxItems}`,
      });
    }
    if (s.uniqueItems === true && value.length > 0)
      out.push({ at: [], value: [...value, value[0]], description: 'duplicate items' });
    if (value.length > 0 && s.items !== undefined) {
      for (const c of bodyChanges(doc, s.items as Schema, value[0], depth + 1))
        out.push({ ...c, at: [0, ...c.at], description: `[0]: ${c.description}` });
    }
  }
  return out;
}

function setAt(root: unknown, change: ValueChange): unknown {
  if (change.at.length === 0) return change.value;
  const copy = structuredClone(root) as Record<Segment, unknown>;
  let node = copy;
  for (const seg of change.at.slice(0, -1)) node = node[seg] as Record<Segment, unknown>;
  const last = change.at[change.at.length - 1] as Segment;
  if (change.remove) delete node[last];
  else node[last] = change.value;
  return copy;
}

/** Every mutation that can break this request (the runner confirms each with Ajv). */
export function listMutations(
  doc: OpenApiDocument,
  op: Operation,
  req: GeneratedRequest,
): Mutation[] {
  const out: Mutation[] = [];
  for (const p of generatedParameters(op)) {
    const where = p.in === 'header' ? 'headers' : (p.in as 'path' | 'query');
    if (p.in === 'cookie') continue;
    const bag = req[where];
    const present = p.name in bag;
    if (p.required && present && p.in !== 'path') {
      out.push({
        location: p.in,
        name: p.name,
        description: `${p.in} parameter "${p.name}" missing`,
        apply: (r) => {
          const next = { ...r[where] };
          delete next[p.name];
          return { ...r, [where]: next };
        },
      });
    }
    const s = resolveSchema(doc, p.schema);
    if (typeof s !== 'object') continue;
    for (const c of valueChanges(s, bag[p.name], true)) {
      if (p.in === 'path' && (c.value === '' || c.value === '.' || c.value === '..')) continue;
      out.push({
        location: p.in,
        name: p.name,
        description: `${p.in} parameter "${p.name}": ${c.description}`,
        apply: (r) => ({ ...r, [where]: { ...r[where], [p.name]: c.value } }),
      });
    }
  }
  const media = op.requestBody?.content.find((m) => m.mediaType === req.mediaType);
  if (op.requestBody?.required && req.hasBody) {
    out.push({
      location: 'body',
      name: 'body',
      description: 'required body missing',
      apply: (r) => {
        const { body: _body, ...rest } = r;
        return { ...rest, hasBody: false };
      },
    });
  }
  if (req.hasBody && media?.schema !== undefined) {
    // Form parts are all text: only missing parts and broken string constraints survive the trip.
    const changes = isMultipart(req.mediaType)
      ? bodyChanges(doc, media.schema, req.body).filter(
          (c) =>
            c.at.length === 1 &&
            (c.remove || (typeof c.value === 'string' && !/wrong type/.test(c.description))),
        )
      : bodyChanges(doc, media.schema, req.body);
    for (const c of changes) {
      out.push({
        location: 'body',
        name: c.at.join('.') || 'body',
        description: `body ${c.description}`,
        apply: (r) => ({ ...r, body: setAt(r.body, c) }),
      });
    }
  }
  return out;
}

/** An arbitrary of requests with one mutation applied, or `null` when nothing can be broken. */
export function invalidRequestArbitrary(
  doc: OpenApiDocument,
  op: Operation,
): fc.Arbitrary<GeneratedRequest | null> {
  return fc.tuple(requestArbitrary(doc, op), fc.nat()).map(([req, n]) => {
    const mutations = listMutations(doc, op, req);
    if (mutations.length === 0) return null;
    const m = mutations[n % mutations.length] as Mutation;
    return {
      ...m.apply(req),
      mutation: { location: m.location, name: m.name, description: m.description },
    };
  });
}
