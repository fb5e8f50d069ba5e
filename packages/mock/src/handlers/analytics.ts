import { desaInfo, REGION_BY_CODE } from '../data/regions.js';
import type { HandlerContext, HandlerMap } from '../engine/context.js';
import { KEYWORDS } from '../engine/text-bank.js';
import type { ResourceRecord, UserRecord } from '../store/types.js';

type Obj = Record<string, unknown>;

/** The facts analytics count, read from activities and information reports. */
interface Fact {
  rec: ResourceRecord;
  kind: 'activity' | 'information';
  type: string | null;
  date: string;
  desaCode: string | null;
  field: string | null;
  category: string | null;
  keywords: string[];
}

function facts(ctx: HandlerContext, filedOnly: boolean): Fact[] {
  const me = ctx.user as UserRecord | null;
  const out: Fact[] = [];
  for (const [name, kind] of [
    ['activities', 'activity'],
    ['informationReports', 'information'],
  ] as const) {
    for (const rec of Object.values(ctx.store.collection(name))) {
      if (filedOnly && rec.data.status !== 'SUBMITTED' && rec.data.status !== 'APPROVED') continue;
      if (me && !ctx.store.canSee(me, rec)) continue;
      const d = rec.data;
      const details = (d.details ?? {}) as Obj;
      const loc = (d.location ?? {}) as Obj;
      out.push({
        rec,
        kind,
        type: typeof d.type === 'string' ? d.type : null,
        date: String(d.date ?? d.createdAt ?? '').slice(0, 10),
        desaCode: typeof loc.desaCode === 'string' ? loc.desaCode : null,
        field: String(d.field ?? details.field ?? '') || null,
        category: String(d.category ?? details.category ?? '') || null,
        keywords: [
          ...((d.keywords as string[] | undefined) ?? []),
          ...((details.keywords as string[] | undefined) ?? []),
        ].map((k) => k.toLowerCase()),
      });
    }
  }
  return out;
}

function inScope(ctx: HandlerContext, f: Fact, from: string, to: string): boolean {
  const q = ctx.query;
  if (f.date < from || f.date > to) return false;
  if (
    q.unitId &&
    (f.rec.unitId === null || !ctx.store.unitsUnder(String(q.unitId)).has(f.rec.unitId))
  )
    return false;
  if (q.regionCode && !(f.desaCode ?? '').startsWith(String(q.regionCode))) return false;
  if (q.type && f.type !== q.type) return false;
  return true;
}

/** Monday and Sunday of an ISO week (`2026-W47`). */
export function isoWeekRange(week: string): { from: string; to: string } {
  const [y, w] = week.split('-W').map(Number) as [number, number];
  const jan4 = Date.UTC(y, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7;
  const monday = jan4 - dow * 86_400_000 + (w - 1) * 7 * 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: iso(monday), to: iso(monday + 6 * 86_400_000) };
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function createAnalyticsHandlers(): HandlerMap {
  return {
    getAnalyticsCounts: (ctx) => {
      const from = String(ctx.query.from);
      const to = String(ctx.query.to);
      const groupBy = String(ctx.query.groupBy);
      const scoped = facts(ctx, true).filter((f) => inScope(ctx, f, from, to));
      const counts = new Map<string, { label: string; count: number }>();
      const add = (key: string | null, label?: string) => {
        if (!key) return;
        const c = counts.get(key) ?? { label: label ?? key, count: 0 };
        c.count++;
        counts.set(key, c);
      };
      for (const f of scoped) {
        if (groupBy === 'activityType') add(f.kind === 'activity' ? f.type : null);
        else if (groupBy === 'field') add(f.field);
        else if (groupBy === 'category') add(f.category);
        else if (groupBy === 'keyword') for (const k of new Set(f.keywords)) add(k);
        else if (groupBy === 'region') {
          const kec = f.desaCode ? desaInfo(f.desaCode) : undefined;
          if (kec) add(kec.kecamatanCode, REGION_BY_CODE.get(kec.kecamatanCode)?.name);
        }
      }
      const buckets = [...counts.entries()]
        .map(([key, v]) => ({ key, label: v.label, count: v.count }))
        .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
      return { status: 200, body: { groupBy, from, to, total: scoped.length, buckets } };
    },

    getTrendingKeywords: (ctx) => {
      const from = String(ctx.query.from);
      const to = String(ctx.query.to);
      const length = Math.max(1, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1);
      const prevFrom = shiftDays(from, -length);
      const prevTo = shiftDays(from, -1);
      const all = facts(ctx, true);
      const tally = (a: string, b: string) => {
        const m = new Map<string, number>();
        for (const f of all)
          if (inScope(ctx, f, a, b))
            for (const k of new Set(f.keywords)) m.set(k, (m.get(k) ?? 0) + 1);
        return m;
      };
      const now = tally(from, to);
      const before = tally(prevFrom, prevTo);
      const items = [...now.entries()]
        .map(([keyword, count]) => {
          const previousCount = before.get(keyword) ?? 0;
          return {
            keyword,
            count,
            previousCount,
            change:
              Math.round(((count - previousCount) / Math.max(previousCount, 1)) * 1000) / 1000,
          };
        })
        .sort(
          (a, b) => b.count - a.count || b.change - a.change || a.keyword.localeCompare(b.keyword),
        )
        .slice(0, Number(ctx.query.limit ?? 10));
      return { status: 200, body: { from, to, items } };
    },

    getActivityTiers: (ctx) => {
      const week = String(ctx.query.week);
      const { from, to } = isoWeekRange(week);
      const me = ctx.user as UserRecord;
      const scope = me.role === 'supervisor' && me.unitId ? ctx.store.unitsUnder(me.unitId) : null;
      const within = ctx.query.unitId ? ctx.store.unitsUnder(String(ctx.query.unitId)) : null;
      const officers = Object.values(ctx.store.state.users).filter(
        (u) =>
          u.role === 'bhabinkamtibmas' &&
          u.unitId &&
          (!scope || scope.has(u.unitId)) &&
          (!within || within.has(u.unitId)),
      );
      const perOfficer = new Map<string, number>();
      for (const rec of Object.values(ctx.store.collection('activities'))) {
        const date = String(rec.data.date ?? '');
        if (rec.data.status === 'DRAFT' || date < from || date > to || !rec.ownerId) continue;
        perOfficer.set(rec.ownerId, (perOfficer.get(rec.ownerId) ?? 0) + 1);
      }
      const summary = { AKTIF: 0, CUKUP: 0, KURANG: 0 };
      const items = officers.map((o) => {
        const reportCount = perOfficer.get(o.id) ?? 0;
        const tier = reportCount > 3 ? 'AKTIF' : reportCount >= 1 ? 'CUKUP' : 'KURANG';
        summary[tier]++;
        return {
          officerId: o.id,
          name: o.name,
          nrp: o.nrp ?? '',
          unitId: o.unitId as string,
          reportCount,
          tier,
        };
      });
      return { status: 200, body: { week, from, to, summary, items } };
    },

    listKeywords: (ctx) => {
      const q = (ctx.query.q as string | undefined)?.toLowerCase();
      const field = ctx.query.field as string | undefined;
      const counts = new Map<string, { count: number; field: string | null }>();
      for (const k of KEYWORDS) counts.set(k, { count: 0, field: null });
      for (const f of facts(ctx, false)) {
        for (const k of new Set(f.keywords)) {
          const c = counts.get(k) ?? { count: 0, field: null };
          c.count++;
          c.field ??= f.field;
          counts.set(k, c);
        }
      }
      const items = [...counts.entries()]
        .filter(([k, v]) => (!q || k.startsWith(q)) && (!field || v.field === field))
        .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
        .map(([keyword, v]) =>
          v.field ? { keyword, count: v.count, field: v.field } : { keyword, count: v.count },
        );
      return {
        status: 200,
        body: ctx.page(items, {
          cursor: ctx.query.cursor as string | undefined,
          limit: ctx.query.limit as number | undefined,
        }),
      };
    },
  };
}
