import { isDeepStrictEqual } from 'node:util';
import { type Auth, is2xx, isNeutral, type RunContext, type Sent } from './context.js';
import { checkAuth } from './fuzz.js';
import { type GeneratedRequest, isIdempotencyKey, isJsonMedia } from './request.js';
import { type Operation, resolveSchema, type Schema } from './spec.js';

/** A collection with its create operation and the operations on one item, found from paths. */
export interface Resource {
  name: string;
  create: Operation;
  itemPath?: string;
  idParam?: string;
  read?: Operation;
  replace?: Operation;
  remove?: Operation;
  actions: Map<string, Operation>;
  list?: Operation;
}

function isCreate(op: Operation): boolean {
  return (
    op.method === 'post' &&
    !op.public &&
    (op.responses.some((r) => r.status === '201') || op.parameters.some(isIdempotencyKey))
  );
}

/** Finds the resources of a document: `POST /things` with `/things/{id}` and its actions. */
export function findResources(operations: Operation[]): Resource[] {
  const resources: Resource[] = [];
  for (const create of operations.filter(isCreate)) {
    const prefix = `${create.path}/`;
    const item = operations.find(
      (o) => o.path.startsWith(prefix) && /^\{[^}/]+\}$/.test(o.path.slice(prefix.length)),
    );
    const resource: Resource = { name: create.path, create, actions: new Map() };
    const list = operations.find((o) => o.path === create.path && o.method === 'get');
    if (list) resource.list = list;
    if (item) {
      const itemPath = item.path;
      resource.itemPath = itemPath;
      resource.idParam = itemPath.slice(prefix.length + 1, -1);
      for (const op of operations) {
        if (op.path === itemPath) {
          if (op.method === 'get') resource.read = op;
          if (op.method === 'put') resource.replace = op;
          if (op.method === 'delete') resource.remove = op;
        } else if (
          op.method === 'post' &&
          op.path.startsWith(`${itemPath}/`) &&
          !op.path.slice(itemPath.length + 1).includes('/')
        ) {
          resource.actions.set(op.path.slice(itemPath.length + 1), op);
        }
      }
    }
    resources.push(resource);
  }
  return resources;
}

function idFrom(resource: Resource, sent: Sent): string | undefined {
  const location = sent.response?.headers.location;
  if (location && resource.itemPath) {
    const pathname = new URL(location, sent.request.url).pathname;
    const pattern = resource.itemPath
      .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      .replace(/\{[^}]+\}/g, '([^/]+)');
    const match = new RegExp(`${pattern}$`).exec(pathname);
    if (match?.[match.length - 1]) return decodeURIComponent(match[match.length - 1] as string);
  }
  const json = sent.response?.json as Record<string, unknown> | undefined;
  const id = json?.[resource.idParam ?? 'id'] ?? json?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

function statusOf(sent: Sent): string | undefined {
  const json = sent.response?.json as { status?: unknown } | undefined;
  return typeof json?.status === 'string' ? json.status : undefined;
}

function withPath(gen: GeneratedRequest, resource: Resource, id: string): GeneratedRequest {
  return { ...gen, path: { ...gen.path, [resource.idParam as string]: id } };
}

/** A flow on one resource; keeps ids, ETags and who made it. */
class Flow {
  id: string | undefined;
  etag: string | undefined;
  creator: Auth | undefined;
  constructor(
    readonly ctx: RunContext,
    readonly resource: Resource,
    readonly label: string,
  ) {}

  itemRequest(
    op: Operation,
    key: string,
    accept?: (r: GeneratedRequest) => boolean,
  ): GeneratedRequest | undefined {
    const seedKey = `${this.label}:${key}:${op.operationId}`;
    const gen =
      this.ctx.candidates(op, seedKey, 5).find((r) => !accept || accept(r)) ??
      this.ctx.sampleValid(op, seedKey, accept);
    return gen && this.id !== undefined ? withPath(gen, this.resource, this.id) : undefined;
  }

  async create(): Promise<boolean> {
    const { ctx, resource } = this;
    const auth = ctx.authFor(resource.create);
    if (!auth) return false;
    const candidates = ctx.candidates(resource.create, `${this.label}:create`);
    if (candidates.length === 0) {
      ctx.recorder.note(
        'tidak bisa membuat isi sah / could not generate a valid body',
        resource.create,
      );
      return false;
    }
    let sent: Sent | undefined;
    for (const gen of candidates) {
      sent = await ctx.call(resource.create, gen, auth);
      if (is2xx(sent.response?.status)) break;
    }
    if (!sent || !is2xx(sent.response?.status)) {
      ctx.recorder.note(
        `${this.label}: pembuatan dijawab / create answered ${sent?.response?.status ?? sent?.error}`,
        resource.create,
      );
      return false;
    }
    this.creator = auth;
    this.id = idFrom(resource, sent);
    return this.id !== undefined;
  }

  /** GET the item; records ensure_resource_availability when asked. */
  async read(check: boolean): Promise<Sent | undefined> {
    const { ctx, resource } = this;
    if (!resource.read) return undefined;
    const auth = ctx.authFor(resource.read, this.creator?.role);
    const gen = this.itemRequest(resource.read, 'read');
    if (!auth || !gen) return undefined;
    const sent = await ctx.call(resource.read, gen, auth);
    const status = sent.response?.status;
    if (status === undefined) return sent;
    if (is2xx(status)) this.etag = sent.response?.headers.etag ?? this.etag;
    if (check && !isNeutral(status) && !(status === 403 && auth.role !== this.creator?.role)) {
      ctx.verdict(
        'ensure_resource_availability',
        resource.read,
        sent,
        is2xx(status)
          ? undefined
          : `Sumber yang baru dibuat (${this.id}) dijawab ${status} (a resource just created is not readable)`,
        auth.role,
      );
    }
    return sent;
  }

  async action(
    name: string,
    accept?: (body: unknown) => boolean,
    auth?: Auth,
  ): Promise<Sent | undefined> {
    const op = this.resource.actions.get(name);
    if (!op) return undefined;
    const who = auth ?? this.ctx.authFor(op, this.creator?.role);
    const gen = this.itemRequest(op, name, accept ? (r) => accept(r.body) : undefined);
    if (!who || !gen) return undefined;
    return this.ctx.call(op, gen, who);
  }

  async replace(etag: string | undefined, key = 'replace'): Promise<Sent | undefined> {
    const op = this.resource.replace;
    if (!op) return undefined;
    const auth = this.ctx.authFor(op, this.creator?.role);
    const gen = this.itemRequest(op, key);
    if (!auth || !gen) return undefined;
    return this.ctx.call(
      op,
      gen,
      auth,
      etag ? { headers: { 'If-Match': etag } } : { omitHeaders: ['if-match'] },
    );
  }
}

function decisionIs(decision: string): (body: unknown) => boolean {
  return (body) =>
    !!body && typeof body === 'object' && Object.values(body as object).includes(decision);
}

/** create → read → role matrix on the item → update with If-Match → stale If-Match. */
export async function crudFlow(ctx: RunContext, resource: Resource): Promise<void> {
  const flow = new Flow(ctx, resource, 'crud');
  if (!(await flow.create())) return;
  await flow.read(true);
  for (const op of [resource.read, resource.replace, ...resource.actions.values()]) {
    if (!op || op.public) continue;
    const gen = flow.itemRequest(op, 'auth');
    if (gen)
      await checkAuth(ctx, op, gen, flow.etag ? { headers: { 'If-Match': flow.etag } } : {}, true);
  }
  const replace = resource.replace;
  if (!replace) return;
  const requiresIfMatch = replace.parameters.some(
    (p) => p.in === 'header' && p.required && p.name.toLowerCase() === 'if-match',
  );
  if (requiresIfMatch) {
    const sent = await flow.replace(undefined, 'no-if-match');
    const status = sent?.response?.status;
    if (sent && status !== undefined && !isNeutral(status)) {
      ctx.verdict(
        'missing_required_header',
        replace,
        sent,
        is2xx(status)
          ? `PUT tanpa If-Match diterima dengan ${status} (PUT without the required If-Match was accepted)`
          : undefined,
      );
    }
  }
  await flow.read(false);
  const before = flow.etag;
  const updated = await flow.replace(before);
  if (!updated || !is2xx(updated.response?.status)) return;
  const after = updated.response?.headers.etag;
  if (!before || !after || after === before) return;
  const stale = await flow.replace(before, 'stale');
  const status = stale?.response?.status;
  if (!stale || status === undefined || isNeutral(status)) return;
  ctx.verdict(
    'stale_etag_rejected',
    replace,
    stale,
    status === 412
      ? undefined
      : `PUT dengan ETag lama dijawab ${status}, seharusnya 412 (a stale If-Match was answered ${status}, expected 412)`,
  );
}

/** create → read → delete → the resource must be gone. */
export async function deleteFlow(ctx: RunContext, resource: Resource): Promise<void> {
  const remove = resource.remove;
  if (!remove || !resource.read) return;
  const flow = new Flow(ctx, resource, 'delete');
  if (!(await flow.create())) return;
  await flow.read(true);
  const auth = ctx.authFor(remove, flow.creator?.role);
  const gen = flow.itemRequest(remove, 'delete');
  if (!auth || !gen) return;
  const deleted = await ctx.call(
    remove,
    gen,
    auth,
    flow.etag ? { headers: { 'If-Match': flow.etag } } : {},
  );
  if (!is2xx(deleted.response?.status)) return;
  const after = await flow.read(false);
  const status = after?.response?.status;
  if (!after || status === undefined || isNeutral(status)) return;
  ctx.verdict(
    'use_after_free',
    resource.read,
    after,
    is2xx(status)
      ? `Sumber yang sudah dihapus masih dijawab ${status} (a deleted resource is still served)`
      : undefined,
    auth.role,
  );
  for (const op of [resource.replace, remove]) {
    const request = op && flow.itemRequest(op, 'after-delete');
    if (!op || !request) continue;
    const again = await ctx.call(op, request, ctx.authFor(op, flow.creator?.role), {
      headers: { 'If-Match': flow.etag ?? '"0"' },
    });
    const s = again.response?.status;
    if (s === undefined || isNeutral(s)) continue;
    ctx.verdict(
      'use_after_free',
      op,
      again,
      is2xx(s)
        ? `${op.method.toUpperCase()} pada sumber terhapus dijawab ${s} (worked on a deleted resource)`
        : undefined,
    );
  }
}

/**
 * The report lifecycle: DRAFT → SUBMITTED → APPROVED, or → RETURNED → SUBMITTED. Actions the
 * state does not allow must be 409; allowed ones must not be refused as invalid-state.
 */
export async function lifecycleFlow(
  ctx: RunContext,
  resource: Resource,
  decision: 'APPROVE' | 'RETURN',
): Promise<void> {
  const submit = resource.actions.get('submit');
  const positive = decisionStep(resource, 'APPROVE');
  const chosen = decisionStep(resource, decision);
  if (!submit || !positive || !chosen) return;
  const flow = new Flow(ctx, resource, `lifecycle-${decision}`);
  if (!(await flow.create())) return;
  const reviewer = ctx.authFor(chosen.op);
  if (!reviewer) {
    ctx.recorder.note('tidak ada kredensial peninjau / no reviewer credentials', chosen.op);
    return;
  }
  const decide = (step: DecisionStep) => flow.action(step.action, step.accept, reviewer);
  const expectRefused = (sent: Sent | undefined, op: Operation, what: string, current?: string) => {
    const status = sent?.response?.status;
    if (!sent || status === undefined || isNeutral(status) || status === 403) return true;
    // Repeating the action that led to the current state may be an idempotent no-op.
    const noOp = current !== undefined && statusOf(sent) === current;
    const accepted = is2xx(status) && !noOp;
    ctx.verdict(
      'lifecycle_order',
      op,
      sent,
      is2xx(status) && !noOp
        ? `${what} diterima dengan ${status}, seharusnya 409 (an action the state forbids was accepted)`
        : undefined,
    );
    // After a forbidden action went through, the state is unknown: stop this flow.
    return !accepted;
  };
  const expectAllowed = (
    sent: Sent | undefined,
    op: Operation,
    what: string,
    next: string,
  ): boolean => {
    const status = sent?.response?.status;
    if (!sent || status === undefined || isNeutral(status)) return false;
    if (is2xx(status)) {
      const got = statusOf(sent);
      ctx.verdict(
        'lifecycle_order',
        op,
        sent,
        got !== undefined && got !== next
          ? `${what}: status menjadi ${got}, seharusnya ${next} (wrong state after the action)`
          : undefined,
      );
      return true;
    }
    if (status === 409)
      ctx.verdict(
        'lifecycle_order',
        op,
        sent,
        `${what} ditolak 409 padahal boleh (an allowed transition was refused)`,
      );
    else ctx.recorder.note(`${what}: ${status}`, op);
    return false;
  };
  if (!expectRefused(await decide(positive), positive.op, 'Meninjau DRAFT / reviewing a DRAFT')) {
    return;
  }
  if (!expectAllowed(await flow.action('submit'), submit, 'DRAFT → SUBMITTED', 'SUBMITTED')) return;
  if (
    !expectRefused(
      await flow.action('submit'),
      submit,
      'Mengirim ulang SUBMITTED / submitting a SUBMITTED report',
      'SUBMITTED',
    )
  ) {
    return;
  }
  if (resource.replace) {
    await flow.read(false);
    const edited = expectRefused(
      await flow.replace(flow.etag, 'submitted'),
      resource.replace,
      'Mengubah SUBMITTED / editing a SUBMITTED report',
    );
    if (!edited) return;
  }
  const reviewed = await decide(chosen);
  const target = chosen.target;
  if (reviewed?.response?.status === 403) {
    ctx.recorder.note(
      'peninjau tidak berwenang atas laporan ini / the reviewer may not review this report',
      chosen.op,
    );
    return;
  }
  if (!expectAllowed(reviewed, chosen.op, `SUBMITTED → ${target}`, target)) return;
  if (decision === 'APPROVE') {
    expectRefused(
      await decide(positive),
      positive.op,
      `Meninjau ${target} / reviewing an ${target} report`,
    );
    expectRefused(
      await flow.action('submit'),
      submit,
      `Mengirim ${target} / submitting an ${target} report`,
    );
  } else {
    expectAllowed(await flow.action('submit'), submit, `${target} → SUBMITTED`, 'SUBMITTED');
  }
}

interface DecisionStep {
  op: Operation;
  action: string;
  accept?: (body: unknown) => boolean;
  target: string;
}

/**
 * The supervisor's decision: `review` with `decision: APPROVE|RETURN` (officer reports →
 * APPROVED/RETURNED), or separate `accept`/`decline` actions (unit reports → ACCEPTED/DECLINED).
 */
function decisionStep(
  resource: Resource,
  decision: 'APPROVE' | 'RETURN',
): DecisionStep | undefined {
  const review = resource.actions.get('review');
  if (review) {
    return {
      op: review,
      action: 'review',
      accept: decisionIs(decision),
      target: decision === 'APPROVE' ? 'APPROVED' : 'RETURNED',
    };
  }
  const action = decision === 'APPROVE' ? 'accept' : 'decline';
  const op = resource.actions.get(action);
  return op ? { op, action, target: decision === 'APPROVE' ? 'ACCEPTED' : 'DECLINED' } : undefined;
}

/** Same key and body → the same answer; same key, other body → 409. */
export async function idempotencyFlow(ctx: RunContext, op: Operation): Promise<void> {
  const keyParam = op.parameters.find(isIdempotencyKey);
  const auth = ctx.authFor(op);
  if (!keyParam || !auth) return;
  const [first, other] = ctx.candidates(op, `idem:${op.operationId}`, 2);
  if (!first) return;
  const key = `bosv2-ct-${ctx.options.seed}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const headers = { [keyParam.name]: key };
  const original = await ctx.call(op, first, auth, { headers });
  if (!is2xx(original.response?.status)) return;
  const replay = await ctx.call(op, first, auth, { headers });
  const r1 = original.response;
  const r2 = replay.response;
  if (!r1 || !r2 || isNeutral(r2.status)) return;
  const documentsReplayHeader = op.responses.some((r) =>
    r.headers.some((h) => h.name.toLowerCase() === 'idempotent-replayed'),
  );
  let failure: string | undefined;
  if (r2.status !== r1.status)
    failure = `Ulangan dijawab ${r2.status}, pertama ${r1.status} (the replay got another status)`;
  else if (!isDeepStrictEqual(r2.json ?? r2.text, r1.json ?? r1.text))
    failure = 'Ulangan memberi isi lain (the replay returned another body)';
  else if (documentsReplayHeader && r2.headers['idempotent-replayed'] !== 'true')
    failure =
      'Ulangan tanpa Idempotent-Replayed: true (the replay lacks Idempotent-Replayed: true)';
  ctx.verdict('idempotent_replay', op, replay, failure, auth.role);
  if (!other) return;
  // First make sure the server takes the other body at all (under its own key), so a refusal
  // of the body itself is not mistaken for a missing conflict check.
  const probe = await ctx.call(op, other, auth);
  if (!is2xx(probe.response?.status)) return;
  const conflict = await ctx.call(op, other, auth, { headers });
  const s = conflict.response?.status;
  if (s === undefined || isNeutral(s)) return;
  ctx.verdict(
    'idempotent_replay',
    op,
    conflict,
    s === 409
      ? undefined
      : `Kunci yang sama dengan isi lain dijawab ${s}, seharusnya 409 (same key with another body answered ${s}, expected 409)`,
    auth.role,
  );
}

/** List operations paged the BOS V2 way: `cursor` + `limit` in, `{items, nextCursor}` out. */
export function isPagedList(ctx: RunContext, op: Operation): boolean {
  if (op.method !== 'get') return false;
  const names = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
  if (!names.includes('cursor') || !names.includes('limit')) return false;
  const ok = op.responses.find((r) => /^2/.test(r.status));
  const media = ok?.content.find((m) => isJsonMedia(m.mediaType));
  const schema = media?.schema ? resolveSchema(ctx.doc, media.schema) : undefined;
  const props =
    typeof schema === 'object'
      ? (schema.properties as Record<string, Schema> | undefined)
      : undefined;
  return !!props?.items && !!props.nextCursor;
}

/** Walks a paged list with a small and a large page size; the two walks must agree. */
export async function paginationFlow(ctx: RunContext, op: Operation): Promise<void> {
  const auth = ctx.authFor(op);
  const base = ctx.sampleValid(op, `page:${op.operationId}`);
  if (!auth || !base) return;
  const limitParam = op.parameters.find((p) => p.in === 'query' && p.name === 'limit');
  const limitSchema = limitParam ? resolveSchema(ctx.doc, limitParam.schema) : {};
  const min =
    typeof limitSchema === 'object' && typeof limitSchema.minimum === 'number'
      ? limitSchema.minimum
      : 1;
  const max =
    typeof limitSchema === 'object' && typeof limitSchema.maximum === 'number'
      ? limitSchema.maximum
      : 100;
  const requiredQuery = Object.fromEntries(
    Object.entries(base.query).filter(([name]) =>
      op.parameters.some((p) => p.in === 'query' && p.name === name && p.required),
    ),
  );
  const walk = async (limit: number, maxPages: number) => {
    const ids: string[] = [];
    let cursor: string | undefined;
    let complete = false;
    for (let page = 0; page < maxPages; page++) {
      const query: Record<string, unknown> = { ...requiredQuery, limit };
      if (cursor !== undefined) query.cursor = cursor;
      const sent = await ctx.call(op, { ...base, query }, auth);
      const body = sent.response?.json as { items?: unknown[]; nextCursor?: unknown } | undefined;
      if (!is2xx(sent.response?.status) || !Array.isArray(body?.items))
        return { ids, complete, failed: true as const, sent };
      if (body.items.length > limit) {
        ctx.verdict(
          'pagination_consistency',
          op,
          sent,
          `Halaman berisi ${body.items.length} butir, limit ${limit} (a page has more items than limit)`,
        );
        return { ids, complete, failed: true as const, sent };
      }
      for (const item of body.items) {
        const id =
          item && typeof item === 'object' && 'id' in item
            ? String((item as { id: unknown }).id)
            : JSON.stringify(item);
        ids.push(id);
      }
      if (body.nextCursor === null || body.nextCursor === undefined) {
        complete = true;
        return { ids, complete, failed: false as const, sent };
      }
      cursor = String(body.nextCursor);
      if (body.items.length === 0) {
        ctx.verdict(
          'pagination_consistency',
          op,
          sent,
          'Halaman kosong dengan nextCursor (an empty page still has a nextCursor)',
        );
        return { ids, complete, failed: true as const, sent };
      }
    }
    return { ids, complete, failed: false as const, sent: undefined };
  };
  const small = await walk(Math.max(min, 2), 40);
  const large = await walk(max, 20);
  if (small.failed || large.failed || !small.sent || !large.sent) return;
  const repeated = (ids: string[]) => ids.find((id, i) => ids.indexOf(id) !== i);
  const dupSmall = repeated(small.ids);
  const dupLarge = repeated(large.ids);
  let failure: string | undefined;
  if (dupSmall ?? dupLarge)
    failure = `Butir ${dupSmall ?? dupLarge} muncul dua kali (an item was repeated across pages)`;
  else if (small.complete && large.complete) {
    const missing = large.ids.filter((id) => !small.ids.includes(id));
    if (missing.length || small.ids.length !== large.ids.length) {
      failure = `Jalan per ${Math.max(min, 2)} memberi ${small.ids.length} butir, per ${max} memberi ${large.ids.length}; hilang: ${missing.slice(0, 3).join(', ')} (walking the cursor skipped items)`;
    }
  } else {
    // One walk stopped early: compare the prefix both walks saw (the order must be stable).
    const n = Math.min(small.ids.length, large.ids.length);
    const seen = new Set(small.ids.slice(0, n));
    const missing = large.ids.slice(0, n).filter((id) => !seen.has(id));
    if (missing.length)
      failure = `Butir terlewat: ${missing.slice(0, 3).join(', ')} (walking the cursor skipped items)`;
  }
  ctx.verdict('pagination_consistency', op, small.sent, failure, auth.role);
}
