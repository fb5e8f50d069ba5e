import { desaInfo } from '../data/regions.js';
import type { HandlerContext, HandlerMap } from '../engine/context.js';
import type { MockEngine } from '../engine/engine.js';
import { wita, witaDate } from '../engine/sampler.js';
import { DEMO_ACCOUNTS, DEMO_DESA } from '../store/seed.js';
import type { Store } from '../store/store.js';
import type { ResourceRecord, UserRecord } from '../store/types.js';

type Obj = Record<string, unknown>;
const COLLECTION = 'citizenReports';

/** The citizen report lifecycle (designed by the kit). */
const NEXT: Record<string, string[]> = {
  SENT: ['RECEIVED', 'REJECTED'],
  RECEIVED: ['IN_PROGRESS', 'REJECTED'],
  IN_PROGRESS: ['RESOLVED', 'REJECTED'],
  RESOLVED: [],
  REJECTED: [],
};

/** Adds working days (Monday to Friday), as LAPOR! counts its service levels. */
export function addWorkingDays(from: Date, days: number): Date {
  const d = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = new Date(d.getTime() + 8 * 3600_000).getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return d;
}

const serviceLevels = new Map<string, { forwardBy: string; followUpBy: string; closeBy: string }>();

/** The due dates of a report made at `created`; they depend only on its WITA date (memoised). */
function serviceLevel(created: Date) {
  const day = witaDate(created);
  let level = serviceLevels.get(day);
  if (!level) {
    level = {
      forwardBy: witaDate(addWorkingDays(created, 3)),
      followUpBy: witaDate(addWorkingDays(created, 5)),
      closeBy: witaDate(addWorkingDays(created, 10)),
    };
    if (serviceLevels.size > 1000) serviceLevels.clear();
    serviceLevels.set(day, level);
  }
  return { ...level };
}

function isOverdue(data: Obj, now: number): boolean {
  const today = witaDate(new Date(now));
  const sl = data.serviceLevel as { forwardBy: string; followUpBy: string; closeBy: string };
  switch (data.status) {
    case 'SENT':
      return today > sl.forwardBy;
    case 'RECEIVED':
      return today > sl.followUpBy;
    case 'IN_PROGRESS':
      return today > sl.closeBy;
    default:
      return false;
  }
}

const displayName = (u: UserRecord) =>
  u.rank ? `${u.rank.charAt(0)}${u.rank.slice(1).toLowerCase()} ${u.name}` : u.name;

function canSee(store: Store, me: UserRecord, rec: ResourceRecord): boolean {
  switch (me.role) {
    case 'citizen':
      return rec.ownerId === me.id;
    case 'bhabinkamtibmas': {
      const desa = (rec.data.location as Obj | undefined)?.desaCode;
      return me.assignments.some((a) => a.desaCode === desa);
    }
    default:
      return store.canSee(me, rec);
  }
}

/** The report as this reader may see it (anonymous reports hide the name from officers). */
function view(ctx: HandlerContext, rec: ResourceRecord): Obj {
  const data: Obj = {
    ...rec.data,
    serviceLevel: { ...(rec.data.serviceLevel as Obj), overdue: isOverdue(rec.data, ctx.now()) },
  };
  if (data.anonymous === true && ctx.user?.id !== rec.ownerId) data.citizenName = null;
  return data;
}

function load(ctx: HandlerContext): ResourceRecord {
  const rec = ctx.store.collection(COLLECTION)[String(ctx.path.reportId)];
  if (!rec || !canSee(ctx.store, ctx.user as UserRecord, rec)) return ctx.fail('not-found');
  return rec;
}

function officerOfDesa(store: Store, desaCode: string): UserRecord | undefined {
  return store.officersOfDesa(desaCode)[0];
}

function polsekOf(store: Store, desaCode: string): string | null {
  const kec = desaInfo(desaCode)?.kecamatanCode;
  return (
    Object.values(store.state.units).find(
      (u) => u.level === 'POLSEK' && kec && u.regionCodes.includes(kec),
    )?.id ?? null
  );
}

function newReport(
  store: Store,
  input: Obj,
  citizen: UserRecord,
  id: string,
  created: Date,
  responseId: string,
): ResourceRecord {
  const desa = String((input.location as Obj).desaCode);
  const officer = officerOfDesa(store, desa);
  const count = store.nextNumber(COLLECTION) + 100;
  const trackingCode = `BOS-${witaDate(created).slice(0, 4)}-${String(count).padStart(6, '0')}`;
  const at = wita(created);
  const data: Obj = {
    anonymous: false,
    attachmentIds: [],
    ...input,
    id,
    trackingCode,
    citizenId: citizen.id,
    citizenName: citizen.name,
    status: 'SENT',
    assignedOfficerId: officer?.id ?? null,
    linkedActivityId: null,
    serviceLevel: serviceLevel(created),
    responses: [
      {
        id: responseId,
        status: 'SENT',
        message: `Laporan diterima sistem dengan nomor ${trackingCode}.`,
        authorName: 'Sistem BOS V2',
        createdAt: at,
      },
    ],
    createdAt: at,
    updatedAt: at,
  };
  return {
    id,
    version: 1,
    ownerId: citizen.id,
    unitId: officer?.unitId ?? polsekOf(store, desa),
    data,
  };
}

export function createCitizenHandlers(): HandlerMap {
  return {
    listCitizenReports: (ctx) => {
      const q = ctx.query;
      const me = ctx.user as UserRecord;
      const items = Object.values(ctx.store.collection(COLLECTION))
        .filter((r) => canSee(ctx.store, me, r))
        .filter((r) => !q.status || r.data.status === q.status)
        .filter((r) => !q.category || r.data.category === q.category)
        .filter((r) => !q.desaCode || (r.data.location as Obj).desaCode === q.desaCode)
        .filter((r) => !q.from || String(r.data.createdAt).slice(0, 10) >= String(q.from))
        .filter((r) => !q.to || String(r.data.createdAt).slice(0, 10) <= String(q.to))
        .filter((r) => q.overdue === undefined || isOverdue(r.data, ctx.now()) === q.overdue)
        .sort((a, b) => (String(a.data.createdAt) < String(b.data.createdAt) ? 1 : -1))
        .map((r) => view(ctx, r));
      return {
        status: 200,
        body: ctx.page(items, {
          cursor: q.cursor as string | undefined,
          limit: q.limit as number | undefined,
        }),
      };
    },

    createCitizenReport: (ctx) => {
      const input = ctx.body as Obj;
      const desa = String((input.location as Obj).desaCode);
      if (!desaInfo(desa)) {
        ctx.fail('invalid-reference', {
          errors: [
            {
              field: 'location.desaCode',
              code: 'invalid-reference',
              message: ctx.t('Desa/kelurahan tidak dikenal.', 'Unknown desa/kelurahan.'),
            },
          ],
        });
      }
      const rec = newReport(
        ctx.store,
        input,
        ctx.user as UserRecord,
        ctx.uuid(),
        new Date(ctx.now()),
        ctx.uuid(),
      );
      ctx.store.put(COLLECTION, rec);
      return {
        status: 201,
        body: view(ctx, rec),
        headers: { location: `${ctx.basePath}/citizen-reports/${rec.id}` },
      };
    },

    getCitizenReport: (ctx) => ({ status: 200, body: view(ctx, load(ctx)) }),

    listCitizenReportResponses: (ctx) => {
      const rec = load(ctx);
      return { status: 200, body: { reportId: rec.id, items: rec.data.responses } };
    },

    transitionCitizenReport: (ctx) => {
      const rec = load(ctx);
      const me = ctx.user as UserRecord;
      const input = ctx.body as { to: string; message: string; linkedActivityId?: string };
      const from = String(rec.data.status);
      if (!NEXT[from]?.includes(input.to)) {
        ctx.fail('invalid-state', {
          detail: ctx.t(
            `Laporan berstatus ${from} tidak dapat menjadi ${input.to}.`,
            `A ${from} report cannot become ${input.to}.`,
          ),
        });
      }
      if (input.to === 'IN_PROGRESS') {
        const activity = ctx.store.collection('activities')[String(input.linkedActivityId)];
        const type = String(activity?.data.type ?? '');
        const ok =
          activity &&
          (type === 'DETEKSI_DINI' || type.startsWith('PS_')) &&
          (me.role !== 'bhabinkamtibmas' || activity.ownerId === me.id);
        if (!ok) {
          ctx.fail('invalid-reference', {
            errors: [
              {
                field: 'linkedActivityId',
                code: 'invalid-reference',
                message: ctx.t(
                  'Tautkan laporan Deteksi Dini atau Problem Solving milik Anda.',
                  'Link one of your own early-detection or problem-solving reports.',
                ),
              },
            ],
          });
        }
        rec.data.linkedActivityId = input.linkedActivityId;
      }
      const at = wita(new Date(ctx.now()));
      rec.data.status = input.to;
      rec.data.updatedAt = at;
      if (!rec.data.assignedOfficerId && me.role === 'bhabinkamtibmas')
        rec.data.assignedOfficerId = me.id;
      rec.data.responses = [
        ...(rec.data.responses as Obj[]),
        {
          id: ctx.uuid(),
          status: input.to,
          message: input.message,
          authorName: displayName(me),
          createdAt: at,
        },
      ];
      rec.version += 1;
      return { status: 200, body: view(ctx, rec) };
    },
  };
}

const TITLES: [string, string][] = [
  ['BALAP_LIAR', 'Balap liar setiap malam Minggu'],
  ['PENCURIAN', 'Kehilangan sepeda motor di gang gelap'],
  ['NARKOBA', 'Dugaan peredaran sabu di warung'],
  ['PINJOL_ILEGAL', 'Tawaran pinjaman online ilegal lewat pesan'],
  ['KDRT', 'Tetangga sering bertengkar hebat malam hari'],
  ['KENAKALAN_REMAJA', 'Remaja berkumpul dan minum keras di jembatan'],
  ['SENGKETA_TANAH', 'Perselisihan batas kebun dengan tetangga'],
  ['KEBAKARAN', 'Pembakaran lahan dekat permukiman'],
];

const MESSAGES: Record<string, string> = {
  RECEIVED: 'Laporan Anda sudah kami terima dan diteruskan ke Bhabinkamtibmas desa.',
  IN_PROGRESS: 'Kami melakukan patroli dan deteksi dini di lokasi pada malam ini.',
  RESOLVED: 'Masalah sudah ditangani bersama perangkat desa; terima kasih atas laporannya.',
  REJECTED: 'Laporan tidak dapat ditindaklanjuti karena lokasi di luar wilayah hukum kami.',
};

/** Seeds citizen reports in every state, the demo citizen's in Murung Sari among them. */
export function setupCitizenReports(engine: MockEngine): void {
  engine.store.registerSeeder(COLLECTION, (store) => {
    const faker = engine.fakerFor('seed:citizen-reports');
    const sampler = engine.samplerFor('seed:citizen-reports-text');
    const ref = engine.referenceDate.getTime();
    const citizens = Object.values(store.state.users).filter((u) => u.role === 'citizen');
    const paths: string[][] = [
      [],
      ['RECEIVED'],
      ['RECEIVED', 'IN_PROGRESS'],
      ['RECEIVED', 'IN_PROGRESS', 'RESOLVED'],
      ['REJECTED'],
      ['RECEIVED', 'REJECTED'],
    ];
    const demoCitizen = citizens.find((c) => c.id === DEMO_ACCOUNTS.citizen.id);
    for (let i = 0; i < 30; i++) {
      const citizen = i < 6 && demoCitizen ? demoCitizen : faker.helpers.arrayElement(citizens);
      const desa = i < 6 ? DEMO_DESA : (citizen.desaCode ?? DEMO_DESA);
      const [category, title] = faker.helpers.arrayElement(TITLES);
      const created = new Date(ref - faker.number.int({ min: 0, max: 30 * 86_400 }) * 1000);
      const input: Obj = {
        title,
        category,
        description: String(
          sampler.sample({ type: 'string', minLength: 50, maxLength: 400 }, {}) ?? '',
        ),
        location: { desaCode: desa, address: `RT ${faker.number.int({ min: 1, max: 9 })}` },
        occurredAt: wita(new Date(created.getTime() - 6 * 3600_000)),
        anonymous: faker.number.int(4) === 0,
      };
      input.description = `${title}. ${String(input.description)}`;
      const rec = newReport(
        store,
        input,
        citizen,
        faker.string.uuid(),
        created,
        faker.string.uuid(),
      );
      const officer = rec.data.assignedOfficerId
        ? store.user(String(rec.data.assignedOfficerId))
        : undefined;
      let at = created.getTime();
      for (const step of paths[i % paths.length] as string[]) {
        if (!officer) break;
        at += faker.number.int({ min: 2, max: 48 }) * 3600_000;
        if (step === 'IN_PROGRESS') {
          const linked = Object.values(store.collection('activities')).find(
            (a) =>
              a.ownerId === officer.id &&
              (a.data.type === 'DETEKSI_DINI' || String(a.data.type).startsWith('PS_')),
          );
          if (!linked) break;
          rec.data.linkedActivityId = linked.id;
        }
        rec.data.status = step;
        rec.data.updatedAt = wita(new Date(at));
        (rec.data.responses as Obj[]).push({
          id: faker.string.uuid(),
          status: step,
          message: MESSAGES[step],
          authorName: displayName(officer),
          createdAt: wita(new Date(at)),
        });
      }
      store.state.collections[COLLECTION] ??= {};
      (store.state.collections[COLLECTION] as Record<string, ResourceRecord>)[rec.id] = rec;
    }
  });
}
