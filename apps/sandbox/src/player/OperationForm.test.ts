import spec from '@bosv2/contract/openapi.json';
import { type JsonSchema, resolveSchema, type SchemaDocument } from '@bosv2/ui';
import { describe, expect, it } from 'vitest';
import { contextIds, typedFields } from './OperationForm.js';

const doc = spec as unknown as SchemaDocument;
const schema = (name: string) =>
  resolveSchema(doc, { $ref: `#/components/schemas/${name}` } as JsonSchema);
const ID = '3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b';

describe('contextIds', () => {
  it("fills a daily report's activities, and nothing the trainee types", () => {
    const expected = { activityIds: [ID], summary: 'Ringkasan', problems: ['Lampu padam'] };
    expect(contextIds(doc, schema('DailyReportInput'), expected)).toEqual({ activityIds: [ID] });
  });

  it('fills the activity an information report comes from, inside its origin', () => {
    const expected = { origin: { kind: 'ACTIVITY', id: ID }, field: 'KEAMANAN' };
    expect(contextIds(doc, schema('InformationReportInput'), expected)).toEqual({
      origin: { kind: 'ACTIVITY', id: ID },
    });
  });

  it('fills the follow-up report the schema asks for only when a citizen report goes IN_PROGRESS', () => {
    const expected = { to: 'IN_PROGRESS', message: 'Sedang kami tangani', linkedActivityId: ID };
    expect(contextIds(doc, schema('CitizenTransitionInput'), expected)).toEqual({
      linkedActivityId: ID,
    });
    expect(contextIds(doc, schema('CitizenTransitionInput'), undefined)).toEqual({});
  });
});

describe('typedFields', () => {
  it("asks a citizen for the desa a report form would otherwise take from the report's location", () => {
    expect(typedFields(schema('CitizenRegisterInput'))).toEqual({ desaCode: { widget: 'text' } });
    expect(typedFields(schema('DailyReportInput'))).toEqual({});
  });
});
