import type { Handler, HandlerContext } from '../engine/context.js';
import { hash32 } from '../engine/prng.js';
import { createSampler } from '../engine/sampler.js';
import { deref, resolvePointer } from '../engine/spec.js';
import type { ContractValidator } from '../engine/validator.js';
import { reseededFaker } from '../store/seed.js';
import type { ResourceRecord } from '../store/types.js';

type Obj = Record<string, unknown>;

function successStatus(ctx: HandlerContext): number {
  const codes = Object.keys(ctx.op.responses)
    .filter((s) => /^2\d\d$/.test(s))
    .map(Number)
    .sort();
  return codes[0] ?? 200;
}

function jsonPointer(ctx: HandlerContext, status: number): string | null {
  const content = ctx.op.responses[String(status)]?.content ?? {};
  const media = Object.keys(content).find((m) => /json/.test(m));
  return media ? (content[media] ?? null) : null;
}

function schemaAt(ctx: HandlerContext, pointer: string): Obj {
  return (deref(ctx.doc, resolvePointer(ctx.doc, pointer), pointer).value ?? {}) as Obj;
}

/** Is this schema a cursor page (`{ items: [...], nextCursor }`)? Returns the item schema. */
function pageItemSchema(ctx: HandlerContext, schema: Obj): unknown | null {
  const props = schema.properties as Obj | undefined;
  if (!props || !('items' in props) || !('nextCursor' in props)) return null;
  const items = deref(ctx.doc, props.items, '').value as Obj | undefined;
  return items?.items ?? null;
}

/** A tiny file of the media type (a 1x1 PNG, an empty PDF, ...), for binary responses. */
export function sampleBytes(media: string): Uint8Array {
  if (media === 'image/png') {
    return Uint8Array.from(
      atob(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      ),
      (c) => c.charCodeAt(0),
    );
  }
  if (media === 'application/pdf')
    return new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  if (media.startsWith('text/')) return new TextEncoder().encode('BOS V2 mock');
  return Uint8Array.from([0xff, 0xd8, 0xff, 0xd9]);
}

/**
 * The answer for an operation without a domain handler: CRUD on a collection named after the
 * path (what Mockoon users expect), with values sampled from the response schema (seeded) and
 * the request's fields copied in where the schema allows. Whatever it answers validates
 * against the contract; domain handlers replace it operation by operation.
 */
export function createGenericHandler(validator: () => ContractValidator): Handler {
  return (ctx) => {
    const status = successStatus(ctx);
    const pointer = jsonPointer(ctx, status);
    const segments = ctx.op.path.split('/').filter(Boolean);
    const last = segments[segments.length - 1] ?? '';
    const isItem = /^\{.+\}$/.test(last);
    const collectionName = `generic:${isItem ? `/${segments.slice(0, -1).join('/')}` : ctx.op.path}`;
    const idParam = isItem ? last.slice(1, -1) : null;
    const id = idParam ? String(ctx.path[idParam]) : null;
    const seedLabel = `${ctx.op.operationId}:${JSON.stringify(ctx.path)}`;
    const sampler = createSampler(
      ctx.doc,
      reseededFaker(hash32(`${seedLabel}:${ctx.store.state.seed}`)),
    );
    const valid = (value: unknown) => (pointer ? validator().validateSchema(pointer, value) : true);
    const collection = ctx.store.collection(collectionName);

    const etagHeaders = (version: number): Record<string, string> =>
      ctx.op.responses[String(status)]?.headers.etag ? { etag: ctx.etag(version) } : {};

    const overlay = (base: unknown, extra: Obj): unknown => {
      if (!base || typeof base !== 'object' || Array.isArray(base)) return base;
      const merged = { ...(base as Obj), ...extra };
      return valid(merged) ? merged : base;
    };

    if (!pointer) {
      if (ctx.op.method === 'delete' && id) delete collection[id];
      const media = Object.keys(ctx.op.responses[String(status)]?.content ?? {})[0];
      if (media) return { status, body: sampleBytes(media), headers: { 'content-type': media } };
      return { status };
    }
    const schema = schemaAt(ctx, pointer);

    if (ctx.op.method === 'get') {
      const itemSchema = pageItemSchema(ctx, schema);
      if (itemSchema) {
        let items = Object.values(collection).map((r) => r.data);
        if (items.length === 0) {
          items = Array.from(
            { length: 3 },
            () => sampler.sample(itemSchema, { optionalRate: 0.8 }) as Obj,
          );
        }
        const page = ctx.page(items, {
          cursor: ctx.query.cursor as string | undefined,
          limit: (ctx.query.limit as number | undefined) ?? 20,
        });
        return { status, body: page };
      }
      if (id && collection[id]) {
        const rec = collection[id] as ResourceRecord;
        return { status, body: rec.data, headers: etagHeaders(rec.version) };
      }
    }

    if (ctx.op.method === 'delete' && id) {
      delete collection[id];
    }

    let body = sampler.sample(schema, { optionalRate: 0.8 });
    if (!valid(body)) {
      const example = ctx.op.responses[String(status)]?.examples.find((e) => valid(e));
      if (example !== undefined) body = example;
    }
    const extra: Obj = {};
    if (ctx.body && typeof ctx.body === 'object' && !Array.isArray(ctx.body))
      Object.assign(extra, ctx.body);
    if (id && idParam) extra.id = id;

    if (ctx.op.method === 'put' && id) {
      const prior = collection[id];
      if (prior) ctx.checkIfMatch(prior.version);
      const data = overlay(prior?.data ?? body, extra) as Obj;
      const version = (prior?.version ?? 1) + 1;
      collection[id] = {
        id,
        version,
        ownerId: ctx.user?.id ?? null,
        unitId: ctx.user?.unitId ?? null,
        data,
      };
      return { status, body: data, headers: etagHeaders(version) };
    }

    if (ctx.op.method === 'post' && !isItem) {
      const newId = ctx.uuid();
      const data = overlay(body, { ...extra, id: newId }) as Obj;
      const finalId = typeof data.id === 'string' ? data.id : newId;
      collection[finalId] = {
        id: finalId,
        version: 1,
        ownerId: ctx.user?.id ?? null,
        unitId: ctx.user?.unitId ?? null,
        data,
      };
      const headers: Record<string, string> = { ...etagHeaders(1) };
      if (status === 201) headers.location = `${ctx.basePath}${ctx.op.path}/${finalId}`;
      return { status, body: data, headers };
    }

    const data = overlay(body, extra);
    return { status, body: data, headers: etagHeaders(1) };
  };
}
