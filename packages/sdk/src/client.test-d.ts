import { describe, expectTypeOf, it } from 'vitest';
import type { components, operations as ReportTypes } from '../fixtures/reports.gen.js';
import { operations as reportOps } from '../fixtures/reports-operations.gen.js';
import { createClientFor } from './client.js';
import { type ApiError, createClient, type InputOf, type SdkError } from './index.js';
import type { components as Contract } from './schema.gen.js';

type Activity = components['schemas']['Activity'];
const c = createClientFor<typeof reportOps, ReportTypes>(reportOps, { baseUrl: 'http://x' });
const body = { type: 'SAMBANG', date: '2026-11-20', description: 'x' } as const;

describe('typed operations', () => {
  it('types the data of each operation from its success response', () => {
    expectTypeOf(
      c.activities.get({ path: { activityId: '1' } }),
    ).resolves.toEqualTypeOf<Activity>();
    expectTypeOf(
      c.activities.delete({ path: { activityId: '1' } }),
    ).resolves.toEqualTypeOf<undefined>();
    expectTypeOf(c.attachments.upload).returns.resolves.toEqualTypeOf<{
      id: string;
      size: number;
    }>();
  });

  it('lets operations without required input be called with no argument', () => {
    c.health.get();
    c.activities.list();
    // @ts-expect-error the path is required
    c.activities.get();
    // @ts-expect-error the body is required
    c.activities.create({});
  });

  it('refuses a wrong field or a wrong type at compile time', () => {
    // @ts-expect-error unknown path parameter
    c.activities.get({ path: { id: '1' } });
    // @ts-expect-error activityId is a string
    c.activities.get({ path: { activityId: 1 } });
    // @ts-expect-error limit is a number
    c.activities.list({ query: { limit: '5' } });
    // @ts-expect-error not one of the enum values
    c.activities.create({ body: { ...body, type: 'RONDA' } });
    // @ts-expect-error date is missing
    c.activities.create({ body: { type: 'SAMBANG', description: 'x' } });
    // @ts-expect-error getHealth takes no body
    c.health.get({ body: {} });
    // @ts-expect-error no such group
    c.officers;
    // @ts-expect-error no such method
    c.activities.approve;
  });

  it('makes the Idempotency-Key optional (the SDK makes one) and If-Match required', () => {
    c.activities.create({ body });
    c.activities.replace({ path: { activityId: '1' }, headers: { 'If-Match': '"v1"' }, body });
    // @ts-expect-error If-Match is required on updates
    c.activities.replace({ path: { activityId: '1' }, body });
  });

  it('takes Blobs for binary fields of multipart bodies', () => {
    c.attachments.upload({ body: { file: new Blob([]), kind: 'PHOTO' } });
    // @ts-expect-error file is a Blob
    c.attachments.upload({ body: { file: 'photo.jpg', kind: 'PHOTO' } });
  });

  it('types .safe() as a { data, error, response } union', async () => {
    const r = await c.activities.get.safe({ path: { activityId: '1' } });
    if (r.error) {
      expectTypeOf(r.data).toEqualTypeOf<undefined>();
      expectTypeOf(r.error).toEqualTypeOf<SdkError>();
      expectTypeOf(r.response).toEqualTypeOf<Response | undefined>();
    } else {
      expectTypeOf(r.data).toEqualTypeOf<Activity>();
      expectTypeOf(r.response).toEqualTypeOf<Response>();
    }
  });

  it('types the items of paginate() from the list operation', () => {
    const items = c.paginate(c.activities.list, { query: { limit: 50, type: 'PATROLI' } });
    expectTypeOf(items).toEqualTypeOf<AsyncGenerator<Activity, void, undefined>>();
    // @ts-expect-error the input must fit the list operation
    c.paginate(c.activities.list, { query: { limit: 'all' } });
    // @ts-expect-error only list operations answer pages
    c.paginate(c.activities.get, { path: { activityId: '1' } });
  });

  it('exposes the input type of a method for forms and wrappers', () => {
    expectTypeOf<InputOf<typeof c.activities.create>['body']>().toEqualTypeOf<
      components['schemas']['ActivityInput']
    >();
  });
});

describe('the contract client', () => {
  const client = createClient({ baseUrl: 'http://x' });

  it('types auth from the contract', () => {
    expectTypeOf(client.auth.me()).resolves.toEqualTypeOf<Contract['schemas']['User']>();
    expectTypeOf(client.login)
      .parameter(0)
      .toEqualTypeOf<
        Contract['schemas']['OfficerLoginInput'] | Contract['schemas']['CitizenLoginInput']
      >();
    // @ts-expect-error an NRP has no email
    client.login({ nrp: '85061234' });
  });

  it('takes a Blob for the file of an attachment upload', () => {
    client.attachments.upload({ body: { file: new Blob([]), kind: 'PHOTO' } });
    // @ts-expect-error the file is a Blob, not a file name
    client.attachments.upload({ body: { file: 'foto.jpg', kind: 'PHOTO' } });
  });

  it('offers the contract problem codes on ApiError', () => {
    expectTypeOf<ApiError['problem']['code']>().toExtend<string>();
    expectTypeOf<'invalid-state'>().toExtend<ApiError['problem']['code']>();
  });
});
