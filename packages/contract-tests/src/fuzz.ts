import fc from 'fast-check';
import { endsSession } from './auth.js';
import type { CheckOutcome } from './checks.js';
import { type Auth, is2xx, isNeutral, type RunContext, type Sent } from './context.js';
import { invalidRequestArbitrary, listMutations } from './mutations.js';
import {
  type GeneratedRequest,
  isMultipart,
  requestArbitrary,
  send,
  validateRequest,
} from './request.js';
import { type HttpMethod, methodsOfPath, type Operation } from './spec.js';

/** Requests fast-check may spend shrinking one failure before the kit settles for it. */
const SHRINK_BUDGET = 150;
const BOGUS_TOKEN = 'bosv2-contract-test-bogus-token';
/** Query parameters whose values only the server can mint. */
const OPAQUE_PARAM = /^(cursor|page_?token|next_?token|continuation|after|before)$/i;

function problemCode(sent: Sent): string | undefined {
  const json = sent.response?.json as { code?: unknown } | undefined;
  return typeof json?.code === 'string' ? json.code : undefined;
}

/** Sends one generated request and returns every outcome, including the data checks. */
async function runOne(
  ctx: RunContext,
  op: Operation,
  gen: GeneratedRequest,
  auth: Auth | undefined,
): Promise<Sent> {
  const token = auth && endsSession(op) ? await ctx.freshToken(auth.role) : auth?.token;
  const sent = await ctx.exchange(op, ctx.build(op, gen, auth ? { ...auth, token } : undefined));
  const status = sent.response?.status;
  if (status === undefined) return sent;
  const validity = validateRequest(ctx.validator, op, gen);
  const outcomes: CheckOutcome[] = [...sent.outcomes];
  if (validity.valid && isMultipart(gen.mediaType)) {
    // Generated files are random bytes under a declared type; a server may refuse them.
  } else if (validity.valid) {
    // A cursor the server never issued may be refused: it is opaque, not free data (#2983).
    const fabricatedToken = op.parameters.some(
      (p) => p.in === 'query' && OPAQUE_PARAM.test(p.name) && p.name in gen.query,
    );
    const refused =
      !fabricatedToken &&
      (status === 400 || (status === 422 && problemCode(sent) === 'validation-failed'));
    outcomes.push({
      check: 'positive_data_acceptance',
      ...(refused
        ? {
            failure: `Permintaan sah ditolak dengan ${status} (a request valid against the contract was refused with ${status})`,
          }
        : {}),
    });
  } else {
    const onlyMissingHeader = validity.errors.every((e) => /^header\.\S+ is required$/.test(e));
    outcomes.push({
      check: onlyMissingHeader ? 'missing_required_header' : 'negative_data_rejection',
      ...(is2xx(status)
        ? {
            failure: `Permintaan tidak sah diterima dengan ${status} (an invalid request was accepted with ${status}): ${validity.errors.join('; ')}`,
          }
        : {}),
    });
  }
  return { ...sent, outcomes };
}

/**
 * Property-based fuzzing of one operation with valid or invalid requests. A failure is shrunk
 * by fast-check to a minimal request; each failing check is reported once, then the property is
 * re-run without it so other checks are not hidden behind it.
 */
export async function fuzzOperation(
  ctx: RunContext,
  op: Operation,
  mode: 'valid' | 'invalid',
): Promise<void> {
  const auth = ctx.authFor(op);
  if (!auth) {
    if (mode === 'valid')
      ctx.recorder.note(
        `tidak ada kredensial untuk / no credentials for: ${op.roles.join(', ')}`,
        op,
      );
    return;
  }
  if (endsSession(op) && !ctx.options.credentials.has(auth.role)) {
    if (mode === 'valid')
      ctx.recorder.note(
        'mengakhiri sesi; perlu --credentials / ends the session; needs --credentials',
        op,
      );
    return;
  }
  const arb: fc.Arbitrary<GeneratedRequest | null> =
    mode === 'valid' ? requestArbitrary(ctx.doc, op) : invalidRequestArbitrary(ctx.doc, op);
  const excluded = new Set<string>();
  if (mode === 'invalid') {
    // Coverage first: every way to break one valid request, once each (up to maxExamples), so
    // rare mutations are not left to chance. Then random invalid requests with shrinking.
    const base = ctx.sampleValid(op, `coverage:${op.operationId}`);
    const mutations = base
      ? listMutations(ctx.doc, op, base).slice(0, ctx.options.maxExamples)
      : [];
    for (const m of mutations) {
      const gen = {
        ...m.apply(base as GeneratedRequest),
        mutation: { location: m.location, name: m.name, description: m.description },
      };
      const sent = await runOne(ctx, op, gen, auth);
      const fresh = sent.outcomes.filter((o) => !(o.failure && excluded.has(o.check)));
      ctx.record(op, sent, fresh, { role: auth.role, mutation: m.description });
      for (const o of fresh) if (o.failure) excluded.add(o.check);
    }
  }
  for (let round = 0; round < 3; round++) {
    let failing: { sent: Sent; bad: CheckOutcome[]; gen: GeneratedRequest } | undefined;
    let spent = 0;
    const property = fc.asyncProperty(arb, async (gen) => {
      if (gen === null) return true;
      if (failing && ++spent > SHRINK_BUDGET) return true;
      const sent = await runOne(ctx, op, gen, auth);
      const bad = sent.outcomes.filter(
        (o) => o.failure && !excluded.has(o.check) && ctx.recorder.isSelected(o.check),
      );
      if (round === 0 && !failing) {
        for (const o of sent.outcomes) if (!o.failure) ctx.recorder.pass(o.check);
      }
      if (bad.length > 0) {
        failing = { sent, bad, gen };
        return false;
      }
      return true;
    });
    const details = await fc.check(property, {
      seed: ctx.seedFor(`${mode}:${op.operationId}`),
      numRuns: ctx.options.maxExamples,
    });
    if (!details.failed) return;
    const found = failing as { sent: Sent; bad: CheckOutcome[]; gen: GeneratedRequest } | undefined;
    if (!found) {
      ctx.recorder.note(
        `galat internal / internal error: ${String(details.errorInstance ?? 'unknown')}`,
        op,
      );
      return;
    }
    for (const o of found.bad) excluded.add(o.check);
    ctx.record(op, found.sent, found.bad, {
      role: auth.role,
      mutation: found.gen.mutation?.description,
    });
  }
}

/**
 * The role matrix on generated requests: no token, a bogus token and every role outside
 * `x-roles` must be refused.
 */
export async function authMatrix(ctx: RunContext, op: Operation): Promise<void> {
  if (op.public) return;
  const gen = ctx.sampleValid(op, `auth:${op.operationId}`);
  if (!gen) {
    ctx.recorder.note('tidak bisa membuat permintaan sah / could not generate a valid request', op);
    return;
  }
  await checkAuth(ctx, op, gen, {});
}

/** The auth checks for one request (generated or on a real resource). */
export async function checkAuth(
  ctx: RunContext,
  op: Operation,
  gen: GeneratedRequest,
  extra: { headers?: Record<string, string> },
  onlyForbidden = false,
): Promise<void> {
  const documents401 = op.responses.some((r) => r.status === '401' || r.status === '4XX');
  for (const [label, token] of [
    ['tanpa token / no token', undefined],
    ['token palsu / bogus token', BOGUS_TOKEN],
  ] as const) {
    const sent = await ctx.call(op, gen, token ? { role: 'bogus', token } : undefined, extra);
    const status = sent.response?.status;
    if (status === undefined || isNeutral(status)) continue;
    let failure: string | undefined;
    if (is2xx(status))
      failure = `Dilayani ${label} dengan ${status} (served with ${label.split(' / ')[1]})`;
    else if (status !== 401 && documents401 && status >= 400 && status < 500) {
      failure = `${label}: ${status}, seharusnya 401 (expected 401 unauthenticated)`;
    }
    ctx.verdict('ignored_auth', op, sent, failure, token ? 'bogus' : 'anonymous');
  }
  for (const [role, token] of ctx.tokens) {
    const allowed = op.roles.length === 0 || op.roles.includes(role);
    // On a real resource, allowed roles would change it (submit, review): only probe the others.
    if (allowed && onlyForbidden) continue;
    const sent = await ctx.call(op, gen, { role, token }, extra);
    const status = sent.response?.status;
    if (status === undefined) continue;
    ctx.recorder.authMatrix.push({ operationId: op.operationId, role, allowed, status });
    if (allowed || isNeutral(status)) continue;
    ctx.verdict(
      'ignored_auth',
      op,
      sent,
      is2xx(status)
        ? `Peran ${role} tidak ada di x-roles [${op.roles.join(', ')}] tetapi dilayani ${status} (role not in x-roles was served)`
        : undefined,
      role,
    );
  }
}

const PROBED_METHODS: HttpMethod[] = ['get', 'put', 'post', 'delete', 'patch'];

/** Methods the path does not document must be answered 405 with an accurate Allow header. */
export async function unsupportedMethods(ctx: RunContext, path: string): Promise<void> {
  const documented = methodsOfPath(ctx.operations, path);
  const ops = ctx.operations.filter((o) => o.path === path);
  const first = ops[0];
  if (!first) return;
  const gen = ctx.sampleValid(first, `405:${path}`) ?? {
    path: {},
    query: {},
    headers: {},
    hasBody: false,
  };
  const auth = ops.map((o) => ctx.authFor(o)).find((a) => a?.token) ?? ctx.authFor(first);
  for (const method of PROBED_METHODS.filter((m) => !documented.includes(m))) {
    const pseudo = { operationId: `${method.toUpperCase()} ${path}`, method, path };
    const request = ctx.build(
      first,
      { path: gen.path, query: {}, headers: {}, hasBody: false },
      auth,
      { method },
    );
    ctx.recorder.countRequest(pseudo);
    let sent: Sent;
    try {
      sent = { request, response: await send(request, ctx.options.timeoutMs), outcomes: [] };
    } catch (error) {
      sent = { request, error: String(error), outcomes: [] };
    }
    const status = sent.response?.status;
    if (status === undefined || status >= 500) {
      ctx.verdict(
        'not_a_server_error',
        pseudo,
        sent,
        sent.error ?? `Server menjawab ${status} (server error ${status})`,
      );
      continue;
    }
    if (status === 429) continue;
    ctx.verdict(
      'unsupported_method',
      pseudo,
      sent,
      status === 405
        ? undefined
        : `${method.toUpperCase()} ${path} dijawab ${status}, seharusnya 405 (undocumented method answered ${status}, expected 405)`,
    );
    if (status !== 405) continue;
    const allow = sent.response?.headers.allow;
    const listed = new Set(
      (allow ?? '')
        .split(',')
        .map((m) => m.trim().toLowerCase())
        .filter(Boolean),
    );
    const missing = documented.filter((m) => !listed.has(m));
    const extraMethods = [...listed].filter(
      (m) => !documented.includes(m as HttpMethod) && m !== 'head' && m !== 'options',
    );
    ctx.verdict(
      'allow_header_conformance',
      pseudo,
      sent,
      allow === undefined
        ? 'Header Allow tidak ada pada 405 (405 without an Allow header)'
        : missing.length || extraMethods.length
          ? `Allow "${allow}" tidak sama dengan ${documented.map((m) => m.toUpperCase()).join(', ')} (Allow does not match the documented methods)`
          : undefined,
    );
  }
}
