/**
 * The SDK against the real mock (`@bosv2/mock/node` over HTTP on 127.0.0.1): every call goes
 * through `createClient`, faults come from the mock's `X-Mock-Fault` header.
 */
import { type RunningMockServer, startMockServer } from '@bosv2/mock/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientOptions } from './client.js';
import { ApiError, type components, createClient, isApiError } from './index.js';
import { createOutbox, memoryStorage, type OutboxSnapshot } from './outbox/index.js';

type ActivityInput = components['schemas']['ActivityDdsWargaInput'];

const PASSWORD = 'latihan-bos-v2';
const OFFICER = '85061234'; // Bripka Rahmat Hidayat, Kelurahan Murung Sari
const KANIT = '75030001'; // Kanit Binmas Polsek Amuntai Tengah
const MURUNG_SARI = '63.08.05.1002';

let mock: RunningMockServer;

beforeAll(async () => {
  mock = await startMockServer({
    host: '127.0.0.1',
    port: 0,
    seed: 1,
    validateResponses: 'strict',
    onViolation: (v) => console.error('contract violation', v),
  });
});

afterAll(async () => {
  await mock?.close();
});

const client = (options: Partial<ClientOptions> = {}) =>
  createClient({ baseUrl: mock.url, retry: { limit: 2, backoffMs: 10 }, ...options });

async function loggedIn(nrp: string, options: Partial<ClientOptions> = {}) {
  const c = client(options);
  await c.login({ nrp, password: PASSWORD });
  return c;
}

/** The contract's DDS_WARGA example (without attachments), tagged so a test finds its own. */
function ddsWarga(tag: string, overrides: Partial<ActivityInput> = {}): ActivityInput {
  return {
    type: 'DDS_WARGA',
    date: '2026-11-20',
    time: '09:30',
    location: { desaCode: MURUNG_SARI, rw: '02', rt: '03', address: 'Jl. Norman Umar No. 12' },
    description: `[${tag}] Sambang ke rumah keluarga Bapak Ahmad Fauzi di RT 03 RW 02. Warga mengeluhkan lampu jalan padam sejak seminggu sehingga gang rawan pencurian pada malam hari; disarankan ronda.`,
    details: {
      headOfHousehold: {
        name: 'Ahmad Fauzi',
        sex: 'L',
        birthPlace: 'Amuntai',
        birthDate: '1979-04-12',
        religion: 'ISLAM',
        occupation: 'Pedagang',
        phone: '081351112233',
        address: { street: 'Jl. Norman Umar No. 12', rt: '03', rw: '02', desaCode: MURUNG_SARI },
      },
      householdMembers: [
        {
          name: 'Nurul Hidayah',
          sex: 'P',
          birthDate: '1983-09-01',
          relation: 'ISTRI',
          occupation: 'Ibu rumah tangga',
        },
      ],
      receivedBy: { name: 'Ahmad Fauzi', relation: 'KEPALA_KELUARGA' },
      visitNumber: 2,
      opinions: [
        {
          kind: 'KELUHAN',
          field: 'KEAMANAN',
          text: 'Lampu jalan di gang padam sejak seminggu dan rawan pencurian.',
        },
      ],
    },
    ...overrides,
  };
}

/** Every activity of the logged-in user whose description carries `[tag]`. */
async function activitiesTagged(c: ReturnType<typeof client>, tag: string) {
  const found: string[] = [];
  for await (const a of c.paginate(c.activities.list, {
    query: { type: 'DDS_WARGA', from: '2026-11-20', to: '2026-11-20', limit: 100 },
  })) {
    if (a.description.startsWith(`[${tag}]`)) found.push(a.id);
  }
  return found;
}

const lastJournalSeq = () => mock.engine.requests(1)[0]?.seq ?? 0;

/** The faults the mock applied to calls of `operationId` since journal entry `seq`. */
const faultsSince = (seq: number, operationId: string) =>
  mock.engine
    .requests(200)
    .filter((r) => r.seq > seq && r.operationId === operationId)
    .flatMap((r) => r.faults);

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isApiError(error)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('auth against the mock', () => {
  it('logs an officer in by NRP and reads the user with the assigned area', async () => {
    const c = client();
    const session = await c.login({ nrp: OFFICER, password: PASSWORD });
    expect(session.user.nrp).toBe(OFFICER);
    const me = await c.auth.me();
    expect(me).toMatchObject({ role: 'bhabinkamtibmas', nrp: OFFICER });
    expect(me.assignments?.map((a) => a.desaCode)).toContain(MURUNG_SARI);
    expect(me.assignments?.find((a) => a.desaCode === MURUNG_SARI)?.desaName).toBe('Murung Sari');
  });

  it('refuses a wrong password with invalid-credentials', async () => {
    const error = await rejection(client().login({ nrp: OFFICER, password: 'bukan-sandinya' }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(401);
    expect(error.problem.code).toBe('invalid-credentials');
  });

  it('locks an NRP after five failures and surfaces the 429 as an ApiError', async () => {
    const c = client();
    const trainer = '80020001'; // used by no other test
    for (let i = 0; i < 5; i++) {
      const e = await rejection(c.login({ nrp: trainer, password: 'salah-sandi-1' }));
      expect(e.problem.code).toBe('invalid-credentials');
    }
    const locked = await rejection(c.login({ nrp: trainer, password: PASSWORD }));
    expect(locked.status).toBe(429);
    expect(locked.problem.code).toBe('rate-limited');
    expect(Number(locked.response.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('the activity lifecycle against the mock', () => {
  it('drafts, replaces with If-Match, submits, is returned, resubmitted and approved', async () => {
    const officer = await loggedIn(OFFICER);
    const kanit = await loggedIn(KANIT);
    const draft = await officer.activities.create({ body: ddsWarga('lifecycle') });
    expect(draft).toMatchObject({ status: 'DRAFT', type: 'DDS_WARGA' });

    const read = await officer.request(officer.activities.get.operation, {
      path: { activityId: draft.id },
    });
    const etag = read.response.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((read.data as { id: string }).id).toBe(draft.id);

    const changed = ddsWarga('lifecycle', { time: '10:15' });
    const stale = await rejection(
      officer.activities.replace({
        path: { activityId: draft.id },
        headers: { 'If-Match': '"stale"' },
        body: changed,
      }),
    );
    expect(stale.status).toBe(412);
    const replaced = await officer.activities.replace({
      path: { activityId: draft.id },
      headers: { 'If-Match': etag as string },
      body: changed,
    });
    expect(replaced).toMatchObject({ status: 'DRAFT', time: '10:15' });

    const submitted = await officer.activities.submit({ path: { activityId: draft.id } });
    expect(submitted.status).toBe('SUBMITTED');

    const note = 'Lengkapi nama kepala keluarga dan RT/RW tempat kunjungan.';
    const returned = await kanit.activities.review({
      path: { activityId: draft.id },
      body: { decision: 'RETURN', note },
    });
    expect(returned.status).toBe('RETURNED');
    expect(JSON.stringify(returned.review)).toContain(note);

    const again = await officer.request(officer.activities.get.operation, {
      path: { activityId: draft.id },
    });
    const fixed = await officer.activities.replace({
      path: { activityId: draft.id },
      headers: { 'If-Match': again.response.headers.get('etag') as string },
      body: ddsWarga('lifecycle', { time: '10:15', location: { ...changed.location, rt: '04' } }),
    });
    expect(fixed.location.rt).toBe('04');
    expect((await officer.activities.submit({ path: { activityId: draft.id } })).status).toBe(
      'SUBMITTED',
    );
    const approved = await kanit.activities.review({
      path: { activityId: draft.id },
      body: { decision: 'APPROVE' },
    });
    expect(approved.status).toBe('APPROVED');
    expect((await officer.activities.get({ path: { activityId: draft.id } })).status).toBe(
      'APPROVED',
    );
  });
});

describe('validation problems against the mock', () => {
  const short = () => ddsWarga('short', { description: 'Sambang singkat.' });

  it('rejects a short description with a field error for description', async () => {
    const officer = await loggedIn(OFFICER);
    const error = await rejection(officer.activities.create({ body: short() }));
    expect(error.status).toBe(400);
    expect(error.problem.code).toBe('validation-failed');
    expect(error.problem.errors).toContainEqual(
      expect.objectContaining({ field: 'description', code: 'description-too-short' }),
    );
  });

  it('gives the same problem as a value in result mode, and in English on request', async () => {
    const id = await loggedIn(OFFICER);
    const result = await id.activities.create.safe({ body: short() });
    expect(result.data).toBeUndefined();
    expect(isApiError(result.error)).toBe(true);
    expect(result.response?.status).toBe(400);
    const idProblem = (result.error as ApiError).problem;
    expect(idProblem.code).toBe('validation-failed');

    const en = await loggedIn(OFFICER, { locale: 'en' });
    const english = await en.activities.create.safe({ body: short() });
    const enProblem = (english.error as ApiError).problem;
    expect(enProblem.code).toBe('validation-failed');
    const message = (p: typeof enProblem) =>
      p.errors?.find((e) => e.field === 'description')?.message ?? '';
    expect(message(enProblem)).toMatch(/\b(at least|characters)\b/i);
    expect(message(enProblem)).not.toBe(message(idProblem));
    expect(enProblem.title).not.toBe(idProblem.title);
  });
});

describe('idempotent creates against the mock', () => {
  it('stores one report when the connection drops after the server wrote it', async () => {
    const keys: string[] = [];
    const officer = await loggedIn(OFFICER, {
      hooks: {
        beforeRequest: [
          (request) => {
            const key = request.headers.get('idempotency-key');
            if (key) keys.push(key);
          },
        ],
        // The first attempt carries the fault; the retry goes through.
        beforeRetry: [
          ({ request }) => {
            request.headers.delete('x-mock-fault');
          },
        ],
      },
    });
    const firstSeq = lastJournalSeq();
    const created = await officer.activities.create(
      { body: ddsWarga('dropped') },
      { headers: { 'X-Mock-Fault': 'drop-after-write' } },
    );
    expect(created.status).toBe('DRAFT');
    expect(faultsSince(firstSeq, 'createActivity')).toEqual(['drop-after-write']);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(await activitiesTagged(officer, 'dropped')).toEqual([created.id]);
  });
});

describe('the outbox against the mock', () => {
  it('delivers five reports exactly once through 503 bursts, drops and offline faults', async () => {
    const officer = await loggedIn(OFFICER);
    const outbox = createOutbox({
      client: officer,
      storage: memoryStorage(),
      online: { isOnline: () => true, subscribe: () => () => {} },
      backoff: { baseMs: 5, maxMs: 40 },
    });
    const done = new Promise<OutboxSnapshot>((resolve) => {
      outbox.subscribe((s) => {
        if (s.entries.length === 5 && s.pending === 0) resolve(s);
      });
    });
    // Bursts are counted per header text, so each entry gets its own (503 waits Retry-After: 1 s).
    const bursts = ['1/503', '2/502', '3/504', '2/500', '1/503; latency=5'];
    const firstSeq = lastJournalSeq();
    for (const [i, burst] of bursts.entries()) {
      // The untyped overload: the typed input has no room for headers the contract lacks.
      await outbox.enqueue('createActivity', {
        body: ddsWarga(`outbox-${i}`),
        headers: { 'X-Mock-Fault': `5xx-burst=${burst}; offline@0.25; drop-after-write@0.3` },
      });
    }
    await outbox.flush();
    const final = await done;
    outbox.stop();
    expect(final.entries.map((e) => e.state)).toEqual(Array(5).fill('sent'));
    expect(final.entries.reduce((n, e) => n + e.attempts, 0)).toBeGreaterThan(5 + 9);
    // The schedule really dropped connections after the server had stored a write.
    const faults = faultsSince(firstSeq, 'createActivity');
    expect(faults).toContain('drop-after-write');
    expect(faults).toContain('offline');

    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(...(await activitiesTagged(officer, `outbox-${i}`)));
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect(final.entries.map((e) => (e.result as { id: string }).id).sort()).toEqual(ids.sort());
  });

  it('fails an entry the server refuses, with the problem, and does not send it again', async () => {
    const officer = await loggedIn(OFFICER);
    const outbox = createOutbox({
      client: officer,
      online: { isOnline: () => true, subscribe: () => () => {} },
      backoff: { baseMs: 5, maxMs: 40 },
    });
    const entry = await outbox.enqueue(officer.activities.create, {
      body: ddsWarga('refused', { description: 'Terlalu pendek.' }),
    });
    await outbox.flush();
    await outbox.flush();
    outbox.stop();
    const [failed] = outbox.getSnapshot().entries;
    expect(failed?.id).toBe(entry.id);
    expect(failed?.state).toBe('failed');
    expect(failed?.attempts).toBe(1);
    expect(failed?.error?.status).toBe(400);
    expect(failed?.error?.problem?.code).toBe('validation-failed');
    expect(failed?.error?.problem?.errors).toContainEqual(
      expect.objectContaining({ field: 'description', code: 'description-too-short' }),
    );
    expect(await activitiesTagged(officer, 'refused')).toEqual([]);
  });
});

describe('pagination against the mock', () => {
  it("walks a supervisor's activities without skipping or repeating any", async () => {
    const kanit = await loggedIn(KANIT);
    const direct: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await kanit.activities.list({ query: { limit: 100, cursor } });
      direct.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(direct.length).toBeGreaterThan(7);

    const paged: string[] = [];
    for await (const a of kanit.paginate(kanit.activities.list, { query: { limit: 7 } })) {
      paged.push(a.id);
    }
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged).toEqual(direct);
  });
});

describe('the citizen flow against the mock', () => {
  it('registers, reports, and reads the responses as the officer moves it to RESOLVED', async () => {
    const citizen = client();
    const email = `warga.${Date.now().toString(36)}@contoh.id`;
    const session = await citizen.auth.citizenRegister({
      body: { name: 'Rina Marlina', email, password: 'rahasia-rina-2026', desaCode: MURUNG_SARI },
    });
    expect(session.user).toMatchObject({ role: 'citizen', email });
    expect((await citizen.auth.me()).email).toBe(email);

    const report = await citizen.citizenReports.create({
      body: {
        title: 'Balap liar setiap malam Minggu',
        category: 'BALAP_LIAR',
        description:
          'Setiap malam Minggu sekitar pukul 23.00 ada belasan remaja balap liar di Jalan Empu Jatmika depan pasar; suara knalpot mengganggu.',
        location: { desaCode: MURUNG_SARI, address: 'Jl. Empu Jatmika depan Pasar Amuntai' },
        occurredAt: '2026-11-15T23:00:00+08:00',
        anonymous: false,
      },
    });
    expect(report.status).toBe('SENT');

    const officer = await loggedIn(OFFICER);
    const path = { reportId: report.id };
    const received = await officer.citizenReports.transition({
      path,
      body: { to: 'RECEIVED', message: 'Laporan sudah kami terima dan akan ditindaklanjuti.' },
    });
    expect(received.status).toBe('RECEIVED');

    const followUp = await officer.activities.create({
      body: {
        type: 'DETEKSI_DINI',
        date: '2026-11-20',
        time: '23:00',
        location: { desaCode: MURUNG_SARI, address: 'Jl. Empu Jatmika depan Pasar Amuntai' },
        description:
          'Deteksi dini balap liar di Jalan Empu Jatmika depan pasar pada malam Minggu; belasan remaja berkumpul, orang tua dihubungi.',
        citizenReportId: report.id,
        details: {
          source: { name: 'Rina Marlina' },
          obtainedAt: '2026-11-20T23:00:00+08:00',
          obtainedPlace: 'Jalan Empu Jatmika',
          method: 'LAPORAN_WARGA',
          urgency: 'PENTING',
          frequency: 'BERULANG',
          field: 'KEAMANAN',
          level: 'AMBANG_GANGGUAN',
        },
      },
    });
    const inProgress = await officer.citizenReports.transition({
      path,
      body: {
        to: 'IN_PROGRESS',
        message: 'Kami melakukan patroli dan deteksi dini di lokasi.',
        linkedActivityId: followUp.id,
      },
    });
    expect(inProgress.status).toBe('IN_PROGRESS');
    const resolved = await officer.citizenReports.transition({
      path,
      body: { to: 'RESOLVED', message: 'Balap liar sudah dibubarkan dan dipantau rutin.' },
    });
    expect(resolved.status).toBe('RESOLVED');

    expect((await citizen.citizenReports.get({ path })).status).toBe('RESOLVED');
    const responses = await citizen.citizenReports.responses({ path });
    expect(responses.reportId).toBe(report.id);
    expect(responses.items.map((r) => r.status)).toEqual(
      expect.arrayContaining(['RECEIVED', 'IN_PROGRESS', 'RESOLVED']),
    );
    expect(responses.items.map((r) => r.message)).toContain(
      'Balap liar sudah dibubarkan dan dipantau rutin.',
    );
  });
});
