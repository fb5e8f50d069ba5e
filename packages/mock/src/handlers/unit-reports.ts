import type { HandlerContext, HandlerMap } from '../engine/context.js';
import { wita } from '../engine/sampler.js';
import type { ResourceRecord, UserRecord } from '../store/types.js';
import { unitView } from './views.js';

type Obj = Record<string, unknown>;
const COLLECTION = 'unitReports';

/** Units the caller answers for: their unit and those under it (admins and trainers: all). */
function scopeOf(ctx: HandlerContext): Set<string> | null {
  const me = ctx.user as UserRecord;
  if (me.role === 'admin' || me.role === 'trainer') return null;
  return me.unitId ? ctx.store.unitsUnder(me.unitId) : new Set();
}

function load(ctx: HandlerContext): ResourceRecord {
  const rec = ctx.store.collection(COLLECTION)[String(ctx.path.reportId)];
  const scope = scopeOf(ctx);
  if (!rec || (scope && !scope.has(String(rec.unitId)))) return ctx.fail('not-found');
  return rec;
}

/** Counts of approved activity reports of the unit's officers in the period. */
function unitCounts(ctx: HandlerContext, unitId: string, period: string): Record<string, number> {
  const units = ctx.store.unitsUnder(unitId);
  const counts: Record<string, number> = {};
  for (const rec of Object.values(ctx.store.collection('activities'))) {
    if (rec.data.status !== 'APPROVED' || !rec.unitId || !units.has(rec.unitId)) continue;
    if (!String(rec.data.date ?? '').startsWith(period)) continue;
    const type = String(rec.data.type);
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

/**
 * Unit reports (SISLAP): a unit's operator drafts and submits the unit's daily or monthly report;
 * the unit above accepts it or declines it with a note.
 */
export function createUnitReportHandlers(): HandlerMap {
  const decide = (accept: boolean) => (ctx: HandlerContext) => {
    const rec = load(ctx);
    const me = ctx.user as UserRecord;
    const unit = ctx.store.unit(String(rec.unitId));
    // Only a unit above the reporting unit decides (an admin may too).
    const above =
      me.role === 'admin' ||
      (unit?.parentId && me.unitId && ctx.store.unitsUnder(me.unitId).has(unit.parentId));
    if (!above || (me.role !== 'admin' && me.unitId === rec.unitId))
      ctx.fail('forbidden', {
        detail: ctx.t(
          'Hanya unit di atasnya yang dapat memutuskan.',
          'Only a unit above it may decide.',
        ),
      });
    if (rec.data.status !== 'SUBMITTED') {
      ctx.fail('invalid-state', {
        detail: ctx.t(
          `Laporan berstatus ${String(rec.data.status)} tidak dapat diputuskan.`,
          `A ${String(rec.data.status)} report cannot be decided.`,
        ),
      });
    }
    const note = (ctx.body as { note?: string } | undefined)?.note;
    if (!accept && !note) {
      ctx.fail('validation-failed', {
        errors: [
          {
            field: 'note',
            code: 'required',
            message: ctx.t('Tulis alasan penolakan.', 'Say why it is declined.'),
          },
        ],
      });
    }
    const at = wita(new Date(ctx.now()));
    rec.data = {
      ...rec.data,
      status: accept ? 'ACCEPTED' : 'DECLINED',
      updatedAt: at,
      decision: {
        status: accept ? 'ACCEPTED' : 'DECLINED',
        note: note ?? null,
        decidedBy: `${me.position ?? me.role} ${me.name}`.trim(),
        decidedAt: at,
      },
    };
    rec.version++;
    return { status: 200, body: rec.data };
  };

  return {
    listUnitReports: (ctx) => {
      const scope = scopeOf(ctx);
      const q = ctx.query;
      const items = Object.values(ctx.store.collection(COLLECTION))
        .filter((r) => !scope || scope.has(String(r.unitId)))
        .filter((r) => !q.periodKind || r.data.periodKind === q.periodKind)
        .filter((r) => !q.period || r.data.period === q.period)
        .filter((r) => !q.status || r.data.status === q.status)
        .filter((r) => !q.unitId || r.unitId === q.unitId)
        .sort((a, b) => (String(a.data.createdAt) < String(b.data.createdAt) ? 1 : -1))
        .map((r) => r.data);
      return {
        status: 200,
        body: ctx.page(items, {
          cursor: q.cursor as string | undefined,
          limit: q.limit as number | undefined,
        }),
      };
    },

    createUnitReport: (ctx) => {
      const input = ctx.body as {
        unitId: string;
        periodKind: 'DAILY' | 'MONTHLY';
        period: string;
        notes?: string;
      };
      const unit = ctx.store.unit(input.unitId);
      if (!unit)
        return ctx.fail('invalid-reference', {
          errors: [
            {
              field: 'unitId',
              code: 'invalid-reference',
              message: ctx.t('Unit tidak dikenal.', 'Unknown unit.'),
            },
          ],
        });
      const scope = scopeOf(ctx);
      if (scope && !scope.has(unit.id))
        ctx.fail('forbidden', {
          detail: ctx.t('Unit ini bukan unit Anda.', 'This is not your unit.'),
        });
      const daily = /^\d{4}-\d{2}-\d{2}$/.test(input.period);
      if (daily !== (input.periodKind === 'DAILY')) {
        ctx.fail('validation-failed', {
          errors: [
            {
              field: 'period',
              code: 'pattern',
              message: ctx.t(
                'Harian: YYYY-MM-DD; bulanan: YYYY-MM.',
                'Daily: YYYY-MM-DD; monthly: YYYY-MM.',
              ),
            },
          ],
        });
      }
      const clash = Object.values(ctx.store.collection(COLLECTION)).find(
        (r) =>
          r.unitId === unit.id &&
          r.data.periodKind === input.periodKind &&
          r.data.period === input.period,
      );
      if (clash)
        ctx.fail('already-exists', {
          detail: ctx.t(
            `Laporan ${unit.name} untuk ${input.period} sudah ada.`,
            `${unit.name} has a report for ${input.period} already.`,
          ),
        });
      const id = ctx.uuid();
      const at = wita(new Date(ctx.now()));
      const data: Obj = {
        id,
        unitId: unit.id,
        unitName: unit.name,
        periodKind: input.periodKind,
        period: input.period,
        status: 'DRAFT',
        counts: unitCounts(ctx, unit.id, input.period),
        notes: input.notes ?? null,
        createdAt: at,
        updatedAt: at,
        submittedAt: null,
        decision: null,
      };
      ctx.store.put(COLLECTION, {
        id,
        version: 1,
        ownerId: ctx.user?.id ?? null,
        unitId: unit.id,
        data,
      });
      return {
        status: 201,
        body: data,
        headers: { location: `${ctx.basePath}/unit-reports/${id}` },
      };
    },

    listMissingUnitReports: (ctx) => {
      const parentUnitId = String(ctx.query.parentUnitId);
      const parent = ctx.store.unit(parentUnitId);
      const scope = scopeOf(ctx);
      if (!parent || (scope && !scope.has(parent.id))) return ctx.fail('not-found');
      const done = new Set(
        Object.values(ctx.store.collection(COLLECTION))
          .filter(
            (r) =>
              r.data.periodKind === ctx.query.periodKind &&
              r.data.period === ctx.query.period &&
              (r.data.status === 'SUBMITTED' || r.data.status === 'ACCEPTED'),
          )
          .map((r) => r.unitId),
      );
      const items = Object.values(ctx.store.state.units)
        .filter((u) => u.parentId === parent.id && !done.has(u.id))
        .map(unitView);
      return {
        status: 200,
        body: {
          parentUnitId: parent.id,
          periodKind: ctx.query.periodKind,
          period: ctx.query.period,
          items,
        },
      };
    },

    getUnitReport: (ctx) => ({ status: 200, body: load(ctx).data }),

    submitUnitReport: (ctx) => {
      const rec = load(ctx);
      if (rec.data.status === 'SUBMITTED') return { status: 200, body: rec.data };
      if (rec.data.status !== 'DRAFT' && rec.data.status !== 'DECLINED') {
        ctx.fail('invalid-state', {
          detail: ctx.t(
            `Laporan berstatus ${String(rec.data.status)} tidak dapat dikirim.`,
            `A ${String(rec.data.status)} report cannot be submitted.`,
          ),
        });
      }
      const at = wita(new Date(ctx.now()));
      rec.data = { ...rec.data, status: 'SUBMITTED', submittedAt: at, updatedAt: at };
      rec.version++;
      return { status: 200, body: rec.data };
    },

    acceptUnitReport: decide(true),
    declineUnitReport: decide(false),
  };
}
