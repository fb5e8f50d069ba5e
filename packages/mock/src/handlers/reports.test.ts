import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFactories, type Factories } from '../factories.js';
import { DEMO_DESA } from '../store/seed.js';
import { startTestMock, type TestMock } from '../test-utils.js';

let t: TestMock;
let make: Factories;
let officer: string;
let supervisor: string;
let keyCounter = 0;
const key = () => ({ 'idempotency-key': `test-${++keyCounter}` });

beforeAll(async () => {
  t = await startTestMock();
  make = createFactories({ spec: t.mock.engine.doc, seed: 3 });
  officer = await t.login('officer');
  supervisor = await t.login('supervisor');
});
afterEach(() => t.expectConformance());
afterAll(() => t.close());

const activity = (type: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...(make.build('ActivityInput', undefined, { hint: { type } }) as Record<string, unknown>),
  location: { desaCode: DEMO_DESA, rt: '03', rw: '02' },
  attachmentIds: [],
  ...extra,
});

describe('an activity report', () => {
  it('goes DRAFT → SUBMITTED → RETURNED → edited → SUBMITTED → APPROVED', async () => {
    const created = await t.call('POST', '/activities', {
      token: officer,
      body: activity('DDS_WARGA'),
      headers: key(),
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('DRAFT');
    expect(created.headers.get('location')).toBe(`/api/v2/activities/${created.body.id}`);
    const id = created.body.id;

    // A supervisor does not see drafts.
    expect((await t.call('GET', `/activities/${id}`, { token: supervisor })).status).toBe(404);
    const submitted = await t.call('POST', `/activities/${id}/submit`, { token: officer });
    expect(submitted.body.status).toBe('SUBMITTED');
    // Submitting again answers it unchanged (safe to retry).
    expect((await t.call('POST', `/activities/${id}/submit`, { token: officer })).body.status).toBe(
      'SUBMITTED',
    );

    const listed = await t.call('GET', '/activities?status=SUBMITTED&limit=100', {
      token: supervisor,
    });
    expect(listed.body.items.map((a: { id: string }) => a.id)).toContain(id);

    const noNote = await t.call('POST', `/activities/${id}/review`, {
      token: supervisor,
      body: { decision: 'RETURN' },
    });
    expect(noNote.status).toBe(400);
    const returned = await t.call('POST', `/activities/${id}/review`, {
      token: supervisor,
      body: { decision: 'RETURN', note: 'Lengkapi RT/RW dan nama kepala keluarga.' },
    });
    expect(returned.body).toMatchObject({
      status: 'RETURNED',
      review: { decision: 'RETURN', reviewerName: 'Hendra Wijaya' },
    });

    const read = await t.call('GET', `/activities/${id}`, { token: officer });
    const edited = await t.call('PUT', `/activities/${id}`, {
      token: officer,
      body: activity('DDS_WARGA'),
      headers: { 'if-match': read.headers.get('etag') as string },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.status).toBe('RETURNED');
    expect((await t.call('POST', `/activities/${id}/submit`, { token: officer })).body.status).toBe(
      'SUBMITTED',
    );
    const approved = await t.call('POST', `/activities/${id}/review`, {
      token: supervisor,
      body: { decision: 'APPROVE' },
    });
    expect(approved.body.status).toBe('APPROVED');

    const late = await t.call('PUT', `/activities/${id}`, {
      token: officer,
      body: activity('DDS_WARGA'),
      headers: { 'if-match': approved.headers.get('etag') as string },
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('invalid-state');
    expect(
      (
        await t.call('POST', `/activities/${id}/review`, {
          token: supervisor,
          body: { decision: 'APPROVE' },
        })
      ).body.code,
    ).toBe('invalid-state');
  });

  it('replays a create with the same Idempotency-Key and refuses the key with another body', async () => {
    const body = activity('GIAT_DESA');
    const headers = { 'idempotency-key': 'same-key-1' };
    const first = await t.call('POST', '/activities', { token: officer, body, headers });
    const again = await t.call('POST', '/activities', { token: officer, body, headers });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await t.call('POST', '/activities', {
      token: officer,
      body: activity('GIAT_DESA'),
      headers,
    });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('idempotency-key-reused');
  });

  it('replays a repeat whose JSON differs only in key order and spacing', async () => {
    const body = activity('GIAT_DESA') as Record<string, unknown>;
    const headers = { 'idempotency-key': 'same-key-2' };
    const first = await t.call('POST', '/activities', { token: officer, body, headers });
    expect(first.status).toBe(201);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await t.call('POST', '/activities', {
      token: officer,
      body: JSON.stringify(reordered, null, 2),
      headers,
    });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    // Another value under the same key is still a conflict, whatever its spacing.
    const changed = { ...reordered, description: `${String(body.description)} Lagi.` };
    const other = await t.call('POST', '/activities', {
      token: officer,
      body: JSON.stringify(changed, null, 2),
      headers,
    });
    expect(other.status).toBe(409);
  });

  it('refuses a description under 50 characters with description-too-short', async () => {
    const res = await t.call('POST', '/activities', {
      token: officer,
      body: activity('BINLUH', { description: 'Penyuluhan narkoba di sekolah.' }),
      headers: key(),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(
      expect.objectContaining({
        field: 'description',
        code: 'description-too-short',
        message: 'Uraian minimal 50 karakter (sekarang 30).',
      }),
    );
  });

  it('needs at least five keywords on a problem-solving report', async () => {
    const body = activity('PS_NON_SENGKETA');
    (body.details as Record<string, unknown>).keywords = ['tanah', 'batas', 'kebun'];
    const res = await t.call('POST', '/activities', { token: officer, body, headers: key() });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(
      expect.objectContaining({ field: 'details.keywords', code: 'too-few-keywords' }),
    );
  });

  it('refuses an officer without an assigned area and a desa outside it (422)', async () => {
    const unassigned = await t.login('unassignedOfficer');
    const none = await t.call('POST', '/activities', {
      token: unassigned,
      body: activity('FKPM'),
      headers: key(),
    });
    expect(none.status).toBe(422);
    expect(none.body.code).toBe('no-assigned-area');
    const outside = await t.call('POST', '/activities', {
      token: officer,
      body: activity('FKPM', { location: { desaCode: '63.08.01.2003' } }),
      headers: key(),
    });
    expect(outside.status).toBe(422);
    expect(outside.body.code).toBe('outside-assigned-area');
  });

  it('is hidden from other officers and refused to citizens', async () => {
    const created = await t.call('POST', '/activities', {
      token: officer,
      body: activity('BINA_SISKAMLING'),
      headers: key(),
    });
    const other = await t.login('unassignedOfficer');
    expect((await t.call('GET', `/activities/${created.body.id}`, { token: other })).status).toBe(
      404,
    );
    const citizen = await t.login('citizen');
    expect((await t.call('GET', '/activities', { token: citizen })).status).toBe(403);
  });

  it('comes seeded in every type and every state for the demo officer', async () => {
    const seen = new Set<string>();
    const statuses = new Set<string>();
    let cursor: string | null = null;
    do {
      const res: {
        body: { items: { type: string; status: string }[]; nextCursor: string | null };
      } = await t.call('GET', `/activities?limit=100${cursor ? `&cursor=${cursor}` : ''}`, {
        token: officer,
      });
      for (const a of res.body.items) {
        seen.add(a.type);
        statuses.add(a.status);
      }
      cursor = res.body.nextCursor;
    } while (cursor);
    const types =
      (t.mock.engine.doc.components?.schemas as Record<string, { enum: string[] }> | undefined)
        ?.ActivityType?.enum ?? [];
    expect([...seen].sort()).toEqual([...types].sort());
    expect([...statuses].sort()).toEqual(['APPROVED', 'DRAFT', 'RETURNED', 'SUBMITTED']);
  });
});

describe('an information report', () => {
  it('refuses a description that repeats an earlier one, ignoring case and spacing', async () => {
    const body = make.build('InformationReportInput', {
      location: { desaCode: DEMO_DESA },
    } as never) as Record<string, unknown>;
    delete body.origin;
    const first = await t.call('POST', '/information-reports', {
      token: officer,
      body,
      headers: key(),
    });
    expect(first.status).toBe(201);
    const shouted = { ...body, description: `  ${String(body.description).toUpperCase()} ` };
    const again = await t.call('POST', '/information-reports', {
      token: officer,
      body: shouted,
      headers: key(),
    });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('duplicate-description');
    expect(again.body.errors[0].field).toBe('description');
  });
});
