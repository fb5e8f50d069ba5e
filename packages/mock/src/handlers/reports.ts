import type { HandlerContext, HandlerMap } from '../engine/context.js';
import type { MockEngine } from '../engine/engine.js';
import { wita, witaDate } from '../engine/sampler.js';
import type { OperationSpec } from '../engine/spec.js';
import { DEMO_ACCOUNTS } from '../store/seed.js';
import type { Store } from '../store/store.js';
import type { ResourceRecord, UserRecord } from '../store/types.js';

type Obj = Record<string, unknown>;

/**
 * The officer's reports (activities, information reports, daily and monthly reports) share one
 * lifecycle (docs/decisions/0001): DRAFT → SUBMITTED → APPROVED | RETURNED → resubmitted.
 * The resources are found in the contract by tag and `x-sdk-method`, so a new report kind that
 * follows the conventions gets the lifecycle without code here.
 */
export const REPORT_TAGS = [
  'activities',
  'informationReports',
  'dailyReports',
  'monthlyReports',
] as const;

export interface ReportKind {
  tag: string;
  collection: string;
  ops: Partial<
    Record<'list' | 'create' | 'get' | 'replace' | 'delete' | 'submit' | 'review', OperationSpec>
  >;
  idParam: string;
  /** The component schema of the stored resource (from the create response). */
  schemaRef: string | null;
}

export function findReportKinds(ops: OperationSpec[]): ReportKind[] {
  const kinds: ReportKind[] = [];
  for (const tag of REPORT_TAGS) {
    const tagged = ops.filter((o) => o.tags[0] === tag);
    if (!tagged.length) continue;
    const by = (m: string) => tagged.find((o) => o.sdkMethod === m);
    const get = by('get');
    const idParam = get?.parameters.find((p) => p.in === 'path')?.name ?? 'id';
    const create = by('create');
    const createPointer = create
      ? Object.values(create.responses['201']?.content ?? create.responses['200']?.content ?? {})[0]
      : undefined;
    kinds.push({
      tag,
      collection: tag,
      ops: {
        list: by('list'),
        create,
        get,
        replace: by('replace'),
        delete: by('delete'),
        submit: by('submit'),
        review: by('review'),
      },
      idParam,
      schemaRef: createPointer ?? null,
    });
  }
  return kinds;
}

const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

function desaOf(data: Obj): string | undefined {
  const loc = data.location as Obj | undefined;
  if (typeof loc?.desaCode === 'string') return loc.desaCode;
  return typeof data.desaCode === 'string' ? data.desaCode : undefined;
}

/** Domain rules checked on create and replace; throws the contract's 422/409 problems. */
function checkRules(
  ctx: HandlerContext,
  kind: ReportKind,
  input: Obj,
  selfId: string | null,
): void {
  const me = ctx.user as UserRecord;
  if (me.role === 'bhabinkamtibmas' && me.assignments.length === 0) {
    ctx.fail('no-assigned-area', {
      detail: ctx.t(
        'Atur lokasi penugasan Anda lebih dulu (menu Lokasi Penugasan).',
        'Set your assigned area first (Assigned area menu).',
      ),
    });
  }
  const desa = desaOf(input);
  if (desa && me.role === 'bhabinkamtibmas' && !me.assignments.some((a) => a.desaCode === desa)) {
    const field = (input.location as Obj | undefined)?.desaCode ? 'location.desaCode' : 'desaCode';
    ctx.fail('outside-assigned-area', {
      errors: [
        {
          field,
          code: 'outside-assigned-area',
          message: ctx.t(
            'Desa ini bukan lokasi penugasan Anda.',
            'This desa is not in your assigned area.',
          ),
        },
      ],
    });
  }
  const collection = ctx.store.collection(kind.collection);
  if (kind.tag === 'informationReports' && typeof input.description === 'string') {
    const mine = normalise(input.description);
    const twin = Object.values(collection).find(
      (r) =>
        r.id !== selfId &&
        typeof r.data.description === 'string' &&
        normalise(r.data.description) === mine,
    );
    if (twin) {
      const date = String(twin.data.date ?? twin.data.createdAt ?? '').slice(0, 10);
      ctx.fail('duplicate-description', {
        errors: [
          {
            field: 'description',
            code: 'duplicate-description',
            message: ctx.t(
              `Uraian ini sama dengan laporan informasi tanggal ${date}.`,
              `This description repeats the information report of ${date}.`,
            ),
          },
        ],
      });
    }
  }
  // One daily report per officer per day, one monthly report per month.
  const unique =
    kind.tag === 'dailyReports' ? 'date' : kind.tag === 'monthlyReports' ? 'month' : null;
  if (unique && input[unique] !== undefined) {
    const clash = Object.values(collection).find(
      (r) => r.id !== selfId && r.ownerId === me.id && r.data[unique] === input[unique],
    );
    if (clash) {
      ctx.fail('already-exists', {
        detail: ctx.t(
          `Laporan untuk ${String(input[unique])} sudah ada.`,
          `A report for ${String(input[unique])} exists already.`,
        ),
      });
    }
  }
}

/** Counts of the officer's activity reports per type, for period reports. */
function countActivities(
  ctx: HandlerContext,
  filter: (data: Obj) => boolean,
): { counts: Record<string, number>; ids: string[] } {
  const counts: Record<string, number> = {};
  const ids: string[] = [];
  for (const rec of Object.values(ctx.store.collection('activities'))) {
    if (rec.ownerId !== ctx.user?.id || !filter(rec.data)) continue;
    const type = String(rec.data.type);
    counts[type] = (counts[type] ?? 0) + 1;
    ids.push(rec.id);
  }
  return { counts, ids };
}

function describeCounts(counts: Record<string, number>): string {
  const parts = Object.entries(counts).map(([type, n]) => `${n} ${type}`);
  return parts.length ? parts.join(', ') : 'belum ada kegiatan tercatat';
}

/**
 * Daily and monthly reports are drafted by the server from the officer's activities
 * (designed by the kit): the create body names only the day or the month.
 */
function drafted(ctx: HandlerContext, kind: ReportKind, input: Obj): Obj {
  if (kind.tag === 'dailyReports' && typeof input.date === 'string') {
    const { counts, ids } = countActivities(ctx, (d) => d.date === input.date);
    return {
      activityIds: ids,
      counts,
      summary: `Laporan harian ${input.date}: ${ids.length} kegiatan (${describeCounts(counts)}). Lengkapi masalah yang ditemukan dan rencana tindak lanjut sebelum dikirim.`,
      problems: [],
      followUps: [],
    };
  }
  if (kind.tag === 'monthlyReports' && typeof input.month === 'string') {
    const { counts, ids } = countActivities(ctx, (d) =>
      String(d.date ?? '').startsWith(String(input.month)),
    );
    const daily = Object.values(ctx.store.collection('dailyReports')).filter(
      (r) =>
        r.ownerId === ctx.user?.id && String(r.data.date ?? '').startsWith(String(input.month)),
    ).length;
    return {
      counts,
      activityCount: ids.length,
      dailyReportCount: daily,
      summary: `Laporan bulanan ${input.month}: ${ids.length} kegiatan (${describeCounts(counts)}) dan ${daily} laporan harian. Tambahkan masalah menonjol dan tindak lanjut.`,
      notableProblems: [],
      followUps: [],
    };
  }
  return {};
}

/** On replace, a daily report's activities must be the officer's own of that day; counts follow them. */
function rederive(ctx: HandlerContext, kind: ReportKind, rec: ResourceRecord, input: Obj): Obj {
  if (kind.tag !== 'dailyReports' || !Array.isArray(input.activityIds)) return {};
  const activities = ctx.store.collection('activities');
  const errors = (input.activityIds as string[]).flatMap((id, i) => {
    const a = activities[id];
    return a && a.ownerId === ctx.user?.id && a.data.date === rec.data.date
      ? []
      : [
          {
            field: `activityIds.${i}`,
            code: 'invalid-reference',
            message: ctx.t(
              'Bukan kegiatan Anda pada tanggal ini.',
              'Not one of your activities of this day.',
            ),
          },
        ];
  });
  if (errors.length) ctx.fail('invalid-reference', { errors });
  const { counts } = countActivities(ctx, (d) =>
    (input.activityIds as string[]).includes(String(d.id)),
  );
  return { counts };
}

function visible(ctx: HandlerContext, rec: ResourceRecord): boolean {
  const me = ctx.user as UserRecord;
  if (!ctx.store.canSee(me, rec)) return false;
  // Supervisors do not see drafts.
  return !(me.role === 'supervisor' && rec.data.status === 'DRAFT');
}

function load(ctx: HandlerContext, kind: ReportKind): ResourceRecord {
  const rec = ctx.store.collection(kind.collection)[String(ctx.path[kind.idParam])];
  if (!rec || !visible(ctx, rec)) ctx.fail('not-found');
  return rec as ResourceRecord;
}

function owned(ctx: HandlerContext, kind: ReportKind): ResourceRecord {
  const rec = load(ctx, kind);
  if (rec.ownerId !== ctx.user?.id) {
    ctx.fail('forbidden', {
      detail: ctx.t(
        'Hanya penulis laporan yang dapat mengubahnya.',
        'Only the author may change this report.',
      ),
    });
  }
  return rec;
}

function invalidState(
  ctx: HandlerContext,
  status: unknown,
  action: { id: string; en: string },
): never {
  return ctx.fail('invalid-state', {
    detail: ctx.t(
      `Laporan berstatus ${String(status)} tidak dapat ${action.id}.`,
      `A ${String(status)} report cannot be ${action.en}.`,
    ),
  });
}

const ACTIONS = {
  edit: { id: 'diubah', en: 'edited' },
  delete: { id: 'dihapus', en: 'deleted' },
  submit: { id: 'dikirim', en: 'submitted' },
  review: { id: 'diperiksa', en: 'reviewed' },
} as const;

function sortKey(rec: ResourceRecord): string {
  return `${String(rec.data.date ?? rec.data.month ?? '')} ${String(rec.data.createdAt ?? '')}`;
}

export function createReportHandlers(kinds: ReportKind[]): HandlerMap {
  const handlers: HandlerMap = {};
  for (const kind of kinds) {
    const { ops } = kind;
    const withEtag = (rec: ResourceRecord) => ({ etag: `"${rec.version}"` });

    if (ops.list) {
      handlers[ops.list.operationId] = (ctx) => {
        const q = ctx.query;
        const items = Object.values(ctx.store.collection(kind.collection))
          .filter((r) => visible(ctx, r))
          .filter((r) => !q.type || r.data.type === q.type)
          .filter((r) => !q.status || r.data.status === q.status)
          .filter((r) => !q.officerId || r.data.officerId === q.officerId)
          .filter(
            (r) =>
              !q.unitId ||
              (r.unitId !== null && ctx.store.unitsUnder(String(q.unitId)).has(r.unitId)),
          )
          .filter((r) => !q.desaCode || desaOf(r.data) === q.desaCode)
          .filter((r) => !q.from || String(r.data.date ?? '') >= String(q.from))
          .filter((r) => !q.to || String(r.data.date ?? '') <= String(q.to))
          .filter((r) => !q.month || r.data.month === q.month)
          .sort((a, b) => (sortKey(a) < sortKey(b) ? 1 : sortKey(a) > sortKey(b) ? -1 : 0))
          .map((r) => r.data);
        return {
          status: 200,
          body: ctx.page(items, {
            cursor: q.cursor as string | undefined,
            limit: q.limit as number | undefined,
          }),
        };
      };
    }

    if (ops.create) {
      handlers[ops.create.operationId] = (ctx) => {
        const input = ctx.body as Obj;
        checkRules(ctx, kind, input, null);
        const me = ctx.user as UserRecord;
        const id = ctx.uuid();
        const at = wita(new Date(ctx.now()));
        const data: Obj = {
          ...drafted(ctx, kind, input),
          ...input,
          id,
          status: 'DRAFT',
          officerId: me.id,
          unitId: me.unitId ?? null,
          createdAt: at,
          updatedAt: at,
          submittedAt: null,
          review: null,
        };
        if (kind.tag === 'activities') data.informationReportIds = [];
        const rec: ResourceRecord = {
          id,
          version: 1,
          ownerId: me.id,
          unitId: me.unitId ?? null,
          data,
        };
        ctx.store.put(kind.collection, rec);
        const path = ops.create?.path ?? '';
        return {
          status: 201,
          body: data,
          headers: { location: `${ctx.basePath}${path}/${id}`, ...withEtag(rec) },
        };
      };
    }

    if (ops.get)
      handlers[ops.get.operationId] = (ctx) => {
        const rec = load(ctx, kind);
        return { status: 200, body: rec.data, headers: withEtag(rec) };
      };

    if (ops.replace) {
      handlers[ops.replace.operationId] = (ctx) => {
        const rec = owned(ctx, kind);
        ctx.checkIfMatch(rec.version);
        if (rec.data.status !== 'DRAFT' && rec.data.status !== 'RETURNED')
          invalidState(ctx, rec.data.status, ACTIONS.edit);
        const input = ctx.body as Obj;
        checkRules(ctx, kind, input, rec.id);
        const meta: Obj = {};
        for (const k of [
          'id',
          'status',
          'officerId',
          'unitId',
          'createdAt',
          'submittedAt',
          'review',
          'informationReportIds',
          'date',
          'month',
          'counts',
          'activityCount',
          'dailyReportCount',
        ]) {
          if (k in rec.data) meta[k] = rec.data[k];
        }
        rec.data = {
          ...input,
          ...meta,
          ...rederive(ctx, kind, rec, input),
          updatedAt: wita(new Date(ctx.now())),
        };
        rec.version += 1;
        return { status: 200, body: rec.data, headers: withEtag(rec) };
      };
    }

    if (ops.delete) {
      handlers[ops.delete.operationId] = (ctx) => {
        const rec = owned(ctx, kind);
        if (rec.data.status !== 'DRAFT') invalidState(ctx, rec.data.status, ACTIONS.delete);
        delete ctx.store.collection(kind.collection)[rec.id];
        return { status: 204 };
      };
    }

    if (ops.submit) {
      handlers[ops.submit.operationId] = (ctx) => {
        const rec = owned(ctx, kind);
        if (rec.data.status === 'SUBMITTED')
          return { status: 200, body: rec.data, headers: withEtag(rec) };
        if (rec.data.status !== 'DRAFT' && rec.data.status !== 'RETURNED')
          invalidState(ctx, rec.data.status, ACTIONS.submit);
        const at = wita(new Date(ctx.now()));
        rec.data = { ...rec.data, status: 'SUBMITTED', submittedAt: at, updatedAt: at };
        rec.version += 1;
        return { status: 200, body: rec.data, headers: withEtag(rec) };
      };
    }

    if (ops.review) {
      handlers[ops.review.operationId] = (ctx) => {
        const rec = load(ctx, kind);
        if (rec.data.status !== 'SUBMITTED') invalidState(ctx, rec.data.status, ACTIONS.review);
        const me = ctx.user as UserRecord;
        const input = ctx.body as { decision: 'APPROVE' | 'RETURN'; note?: string };
        const at = wita(new Date(ctx.now()));
        rec.data = {
          ...rec.data,
          status: input.decision === 'APPROVE' ? 'APPROVED' : 'RETURNED',
          updatedAt: at,
          review: {
            decision: input.decision,
            note: input.note ?? null,
            reviewerId: me.id,
            reviewerName: me.name,
            reviewedAt: at,
          },
        };
        rec.version += 1;
        return { status: 200, body: rec.data, headers: withEtag(rec) };
      };
    }
  }
  return handlers;
}

const STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED'] as const;

/** Seeds a history of reports: every activity type in every state for the demo officer, and more for others. */
export function setupReports(engine: MockEngine, kinds: ReportKind[]): void {
  for (const kind of kinds) {
    if (!kind.schemaRef) continue;
    engine.store.registerSeeder(kind.collection, (store) => seedKind(engine, store, kind));
  }
}

function seedKind(engine: MockEngine, store: Store, kind: ReportKind): void {
  const pointer = kind.schemaRef as string;
  const sampler = engine.samplerFor(`seed:${kind.tag}`);
  const faker = engine.fakerFor(`seed-meta:${kind.tag}`);
  const ref = engine.referenceDate.getTime();
  const officers = Object.values(store.state.users).filter(
    (u) => u.role === 'bhabinkamtibmas' && u.assignments.length > 0,
  );
  const demo = officers.find((o) => o.id === DEMO_ACCOUNTS.officer.id);
  const others = officers.filter((o) => o !== demo).slice(0, 8);
  const supervisorsOf = (u: UserRecord) =>
    Object.values(store.state.users).filter(
      (s) => s.role === 'supervisor' && s.unitId === u.unitId,
    );
  const typeEnum =
    (((engine.doc.components?.schemas as Obj | undefined)?.ActivityType as Obj | undefined)?.enum as
      | string[]
      | undefined) ?? [];
  const types: (string | undefined)[] =
    kind.tag === 'activities' && typeEnum.length ? typeEnum : [undefined];
  const perOfficer: [UserRecord, number][] = [];
  if (demo) perOfficer.push([demo, kind.tag === 'activities' ? 1 : 4]);
  for (const o of others) perOfficer.push([o, 1]);
  const usedDays = new Set<string>();
  for (const [officer, rounds] of perOfficer) {
    for (let round = 0; round < rounds; round++) {
      types.forEach((type, ti) => {
        const status = STATUSES[
          (ti + round + (officer === demo ? 0 : faker.number.int(3))) % STATUSES.length
        ] as (typeof STATUSES)[number];
        if (officer !== demo && faker.number.int(2) === 0) return;
        const day = new Date(
          ref -
            faker.number.int({ min: 0, max: 45 }) * 86_400_000 -
            faker.number.int({ min: 0, max: 8 * 3600 }) * 1000,
        );
        const desa = faker.helpers.arrayElement(officer.assignments).desaCode;
        const hint = type ? { type } : undefined;
        const sample = sampler.sample(
          { $ref: pointer },
          { optionalRate: 0.7, now: day, ...(hint ? { hint } : {}) },
        ) as Obj;
        const data: Obj = { ...sample };
        const created = wita(day);
        data.id = faker.string.uuid();
        data.officerId = officer.id;
        data.unitId = officer.unitId ?? null;
        data.status = status;
        data.createdAt = created;
        data.updatedAt = created;
        data.submittedAt = status === 'DRAFT' ? null : created;
        if ('date' in data) data.date = witaDate(day);
        if ('month' in data) data.month = witaDate(day).slice(0, 7);
        if (data.location && typeof data.location === 'object')
          (data.location as Obj).desaCode = desa;
        if ('desaCode' in data) data.desaCode = desa;
        if (Array.isArray(data.informationReportIds)) data.informationReportIds = [];
        if (Array.isArray(data.activityIds)) data.activityIds = [];
        if (Array.isArray(data.attachmentIds)) data.attachmentIds = [];
        const reviewer = faker.helpers.arrayElement([...supervisorsOf(officer), officer]);
        data.review =
          status === 'APPROVED' || status === 'RETURNED'
            ? {
                decision: status === 'APPROVED' ? 'APPROVE' : 'RETURN',
                note:
                  status === 'RETURNED'
                    ? 'Lengkapi nama narasumber dan RT/RW lokasi kegiatan.'
                    : null,
                reviewerId: reviewer.id,
                reviewerName: reviewer.name,
                reviewedAt: created,
              }
            : null;
        const uniqueKey =
          kind.tag === 'dailyReports'
            ? `${officer.id} ${String(data.date)}`
            : kind.tag === 'monthlyReports'
              ? `${officer.id} ${String(data.month)}`
              : null;
        if (uniqueKey && usedDays.has(uniqueKey)) return;
        if (uniqueKey) usedDays.add(uniqueKey);
        if (!engine.validator.validateSchema(pointer, data)) return;
        store.state.collections[kind.collection] ??= {};
        (store.state.collections[kind.collection] as Record<string, ResourceRecord>)[
          data.id as string
        ] = {
          id: data.id as string,
          version: 1,
          ownerId: officer.id,
          unitId: officer.unitId ?? null,
          data,
        };
      });
    }
  }
}
