import { desaInfo, REGION_BY_CODE, REGIONS } from '../data/regions.js';
import type { HandlerContext, HandlerMap } from '../engine/context.js';
import { witaDate } from '../engine/sampler.js';
import type { UserRecord } from '../store/types.js';
import { assignmentView, isOfficer, officerView, publicOfficerView, unitView } from './views.js';

const pageOpts = (ctx: HandlerContext) => ({
  cursor: ctx.query.cursor as string | undefined,
  limit: ctx.query.limit as number | undefined,
});

/** The officer named by the path, if the caller may see them (own record, or a supervisor's units). */
function officerFor(ctx: HandlerContext, write = false): UserRecord {
  const id = String(ctx.path.officerId);
  const officer = ctx.store.user(id);
  if (!officer || !isOfficer(officer)) ctx.fail('not-found');
  const me = ctx.user as UserRecord;
  const allowed =
    me.role === 'admin' ||
    (me.role === 'trainer' && !write) ||
    me.id === officer.id ||
    (me.role === 'supervisor' &&
      me.unitId !== undefined &&
      officer.unitId !== undefined &&
      ctx.store.unitsUnder(me.unitId).has(officer.unitId));
  if (!allowed) {
    ctx.fail('forbidden', {
      detail: ctx.t(
        'Anda hanya dapat melihat data sendiri atau anggota unit Anda.',
        'You may see only your own record or those of your units.',
      ),
    });
  }
  return officer;
}

export function createReferenceHandlers(): HandlerMap {
  return {
    listRegions: (ctx) => {
      const level = ctx.query.level as string | undefined;
      const parent = ctx.query.parentCode as string | undefined;
      const q = (ctx.query.q as string | undefined)?.toLowerCase();
      const items = REGIONS.filter(
        (r) =>
          (!level || r.level === level) &&
          (!parent || r.parentCode === parent) &&
          (!q || r.name.toLowerCase().includes(q)),
      );
      return { status: 200, body: ctx.page(items, pageOpts(ctx)) };
    },

    getRegion: (ctx) => {
      const region = REGION_BY_CODE.get(String(ctx.path.code));
      if (!region)
        ctx.fail('not-found', {
          detail: ctx.t('Kode wilayah tidak dikenal.', 'Unknown region code.'),
        });
      return { status: 200, body: region };
    },

    listUnits: (ctx) => {
      const level = ctx.query.level as string | undefined;
      const parentId = ctx.query.parentId as string | undefined;
      const items = Object.values(ctx.store.state.units)
        .filter((u) => (!level || u.level === level) && (!parentId || u.parentId === parentId))
        .map(unitView);
      return { status: 200, body: ctx.page(items, pageOpts(ctx)) };
    },

    getUnit: (ctx) => {
      const unit = ctx.store.unit(String(ctx.path.unitId));
      if (!unit) return ctx.fail('not-found');
      return { status: 200, body: unitView(unit) };
    },

    listOfficers: (ctx) => {
      const me = ctx.user as UserRecord;
      const scope = me.role === 'supervisor' && me.unitId ? ctx.store.unitsUnder(me.unitId) : null;
      const unitId = ctx.query.unitId as string | undefined;
      if (unitId && scope && !scope.has(unitId)) {
        ctx.fail('forbidden', {
          detail: ctx.t('Unit ini bukan di bawah unit Anda.', 'This unit is not under yours.'),
        });
      }
      const within = unitId ? ctx.store.unitsUnder(unitId) : null;
      const desaCode = ctx.query.desaCode as string | undefined;
      const role = ctx.query.role as string | undefined;
      const items = Object.values(ctx.store.state.users)
        .filter((u) => isOfficer(u))
        .filter((u) => !scope || (u.unitId !== undefined && scope.has(u.unitId)))
        .filter((u) => !within || (u.unitId !== undefined && within.has(u.unitId)))
        .filter((u) => !desaCode || u.assignments.some((a) => a.desaCode === desaCode))
        .filter((u) => !role || u.role === role)
        .map(officerView);
      return { status: 200, body: ctx.page(items, pageOpts(ctx)) };
    },

    getOfficer: (ctx) => ({ status: 200, body: officerView(officerFor(ctx)) }),

    getAssignments: (ctx) => {
      const officer = officerFor(ctx);
      return {
        status: 200,
        body: { officerId: officer.id, items: officer.assignments.map(assignmentView) },
        headers: { etag: ctx.etag(officer.assignmentsVersion) },
      };
    },

    replaceAssignments: (ctx) => {
      const officer = officerFor(ctx, true);
      ctx.checkIfMatch(officer.assignmentsVersion);
      const { desaCodes } = ctx.body as { desaCodes: string[] };
      const unit = officer.unitId ? ctx.store.unit(officer.unitId) : undefined;
      const errors = desaCodes.flatMap((code, i) => {
        if (!desaInfo(code))
          return [
            {
              field: `desaCodes.${i}`,
              code: 'invalid-reference',
              message: ctx.t('Desa/kelurahan tidak dikenal.', 'Unknown desa/kelurahan.'),
            },
          ];
        if (
          unit &&
          unit.level !== 'MABES' &&
          !unit.regionCodes.some((r) => code.startsWith(`${r}.`))
        ) {
          return [
            {
              field: `desaCodes.${i}`,
              code: 'outside-assigned-area',
              message: ctx.t(
                `Desa ini di luar wilayah ${unit.name}.`,
                `This desa lies outside ${unit.name}.`,
              ),
            },
          ];
        }
        return [];
      });
      if (errors.length)
        ctx.fail(
          errors[0]?.code === 'invalid-reference' ? 'invalid-reference' : 'outside-assigned-area',
          { errors },
        );
      const today = witaDate(new Date(ctx.now()));
      officer.assignments = desaCodes.map(
        (code) =>
          officer.assignments.find((a) => a.desaCode === code) ?? { desaCode: code, since: today },
      );
      officer.assignmentsVersion += 1;
      ctx.store.assignmentsChanged();
      return {
        status: 200,
        body: { officerId: officer.id, items: officer.assignments.map(assignmentView) },
        headers: { etag: ctx.etag(officer.assignmentsVersion) },
      };
    },

    findOfficerOfDesa: (ctx) => {
      const desaCode = String(ctx.query.desaCode);
      if (!desaInfo(desaCode))
        ctx.fail('not-found', {
          detail: ctx.t('Desa/kelurahan tidak dikenal.', 'Unknown desa/kelurahan.'),
        });
      const items = ctx.store
        .officersOfDesa(desaCode)
        .map((u) => publicOfficerView(ctx.store, u, desaCode));
      return { status: 200, body: { desaCode, items } };
    },
  };
}
