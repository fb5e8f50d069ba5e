import { sampleBytes } from '../handlers/generic.js';
import { reseededFaker } from '../store/seed.js';
import { hash32 } from './prng.js';
import type { Problem, ProblemTypes } from './problem.js';
import { createSampler } from './sampler.js';
import { deref, type OperationSpec, type ResponseSpec, resolvePointer } from './spec.js';
import type { Lang, MockResponse, OpenApiDocument } from './types.js';

/**
 * `Prefer: code=404` and `Prefer: example=<name>` (RFC 7240 preferences, the names Prism uses):
 * the caller asks for one of the operation's declared responses instead of what the server would
 * do. The answer conforms to the contract; no handler runs and nothing is stored.
 */
export interface Preference {
  code?: number;
  example?: string;
}

/** Reads the preferences this mock knows; others are ignored, as RFC 7240 asks. */
export function parsePrefer(header: string | undefined): Preference | { error: string } | null {
  if (!header) return null;
  const out: Preference = {};
  for (const part of header.split(',')) {
    const [token = ''] = part.split(';'); // parameters of a preference: none used here
    const eq = token.indexOf('=');
    if (eq < 0) continue;
    const name = token.slice(0, eq).trim().toLowerCase();
    const value = token
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (name === 'code') {
      if (!/^[1-5]\d\d$/.test(value)) return { error: `code=${value} is not an HTTP status.` };
      out.code = Number(value);
    } else if (name === 'example') {
      if (!value) return { error: 'example= needs the name of an example.' };
      out.example = value;
    }
  }
  return out.code === undefined && out.example === undefined ? null : out;
}

/** The problem code an answer of this status stands for (a common one first). */
const COMMON: Record<number, string> = {
  400: 'validation-failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  412: 'precondition-failed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'invalid-state',
  428: 'precondition-required',
  429: 'rate-limited',
  500: 'server-error',
  503: 'service-unavailable',
};

function problemCode(status: number, types: ProblemTypes): string {
  const common = COMMON[status];
  if (common && types[common]?.status === status) return common;
  return (
    Object.entries(types).find(([, t]) => t.status === status)?.[0] ??
    (status >= 500 ? 'server-error' : 'validation-failed')
  );
}

export interface PreferDeps {
  doc: OpenApiDocument;
  seed: number;
  problem(code: string, lang: Lang, extra: { status?: number; detail?: string }): Problem;
  problemTypes: ProblemTypes;
  validate(pointer: string, value: unknown): boolean;
}

/**
 * The declared answer the preference asks for, or why this operation cannot give it (the
 * caller answers 400 with that message).
 */
export function preferredResponse(
  deps: PreferDeps,
  op: OperationSpec,
  pref: Preference,
  lang: Lang,
  pathname: string,
): MockResponse | { error: string } {
  const declared = Object.keys(op.responses);
  let status: number;
  let spec: ResponseSpec | undefined;
  if (pref.code !== undefined) {
    status = pref.code;
    const s = String(status);
    spec = op.responses[s] ?? op.responses[`${s[0]}XX`] ?? op.responses.default;
    if (!spec)
      return {
        error: `${op.operationId} declares no ${status} response (declared: ${declared.join(', ')}).`,
      };
  } else {
    // An example by name, in whichever response declares it (2xx first).
    const order = [...declared].sort(
      (a, b) => Number(!a.startsWith('2')) - Number(!b.startsWith('2')),
    );
    const found = order.find((s) => pref.example && pref.example in (op.responses[s]?.named ?? {}));
    if (!found) return { error: `${op.operationId} declares no example named "${pref.example}".` };
    spec = op.responses[found] as ResponseSpec;
    status = /^\d{3}$/.test(found) ? Number(found) : 200;
  }

  const applied = [
    pref.code !== undefined ? `code=${pref.code}` : null,
    pref.example !== undefined ? `example=${pref.example}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  const headers: Record<string, string> = { 'preference-applied': applied };
  const media = Object.keys(spec.content)[0];
  let body: string | Uint8Array | null = null;
  if (media && status !== 204 && status !== 304) {
    headers['content-type'] = media;
    const pointer = spec.content[media] ?? null;
    let value: unknown;
    if (pref.example !== undefined) {
      if (!(pref.example in spec.named))
        return {
          error: `The ${status} response of ${op.operationId} has no example named "${pref.example}".`,
        };
      value = spec.named[pref.example];
    } else if (media === 'application/problem+json' && status >= 400) {
      const code = problemCode(status, deps.problemTypes);
      value = deps.problem(code, lang, { status });
    } else if (pointer) {
      value = sampleValid(deps, op, status, pointer, spec);
      if (value === undefined)
        return {
          error: `No answer for ${status} of ${op.operationId} validates against its schema.`,
        };
    }
    if (value !== undefined) body = JSON.stringify(value);
    else if (!pointer) body = /json/.test(media) ? '{}' : sampleBytes(media);
  }
  // The declared headers a client acts on (ETag, Location, Retry-After), and any required one.
  for (const [name, h] of Object.entries(spec.headers)) {
    if (headers[name] !== undefined) continue;
    if (h.required || name === 'etag' || name === 'location' || name === 'retry-after')
      headers[name] = headerValue(name, pathname, body);
  }
  return { status, headers, body };
}

/** A value sampled from the schema (seeded per operation and status) that validates, else an example. */
function sampleValid(
  deps: PreferDeps,
  op: OperationSpec,
  status: number,
  pointer: string,
  spec: ResponseSpec,
): unknown {
  const schema = deref(deps.doc, resolvePointer(deps.doc, pointer), pointer).value;
  for (let attempt = 0; attempt < 5; attempt++) {
    const label = `prefer:${op.operationId}:${status}:${attempt}:${deps.seed}`;
    const value = createSampler(deps.doc, reseededFaker(hash32(label))).sample(schema, {
      optionalRate: 0.8,
    });
    if (deps.validate(pointer, value)) return value;
  }
  return spec.examples.find((e) => deps.validate(pointer, e));
}

function headerValue(name: string, pathname: string, body: string | Uint8Array | null): string {
  switch (name) {
    case 'etag':
      return '"1"';
    case 'retry-after':
      return '1';
    case 'location': {
      let id: unknown;
      try {
        id = typeof body === 'string' ? (JSON.parse(body) as { id?: unknown }).id : undefined;
      } catch {}
      return typeof id === 'string' ? `${pathname}/${id}` : pathname;
    }
    default:
      return '1';
  }
}
