import { describe, expectTypeOf, it } from 'vitest';
import type { operations as ReportTypes } from '../../fixtures/reports.gen.js';
import { operations as reportOps } from '../../fixtures/reports-operations.gen.js';
import { createClientFor } from '../client.js';
import { createOutbox, type OutboxEntry } from './outbox.js';

const client = createClientFor<typeof reportOps, ReportTypes>(reportOps, { baseUrl: 'http://x' });
const outbox = createOutbox({ client });
const body = { type: 'SAMBANG', date: '2026-11-20', description: 'x' } as const;

describe('outbox types', () => {
  it('types enqueue() from the operation method', () => {
    expectTypeOf(
      outbox.enqueue(client.activities.create, { body }),
    ).resolves.toEqualTypeOf<OutboxEntry>();
    outbox.enqueue(client.activities.submit, { path: { activityId: '1' } });
    // @ts-expect-error the body does not fit createActivity
    outbox.enqueue(client.activities.create, { body: { ...body, type: 'RONDA' } });
    // @ts-expect-error the path is required
    outbox.enqueue(client.activities.submit, {});
  });
});
