import { describe, expect, it } from 'vitest';
import { spec } from '../test-spec.js';
import {
  activityVariants,
  pruneEmpty,
  resolveSchema,
  validateActivity,
  validateSchemaByName,
} from './schema.js';

describe('activity schemas from the contract', () => {
  it('resolves refs and merges allOf into one object per type', () => {
    const dds = activityVariants(spec).find((v) => v.type === 'DDS_WARGA');
    expect(dds?.schema.properties?.description?.minLength).toBe(50);
    expect(
      dds?.schema.properties?.details?.properties?.headOfHousehold?.properties?.name?.type,
    ).toBe('string');
    expect(dds?.schema.required).toEqual(
      expect.arrayContaining(['type', 'date', 'location', 'description', 'details']),
    );
  });

  it('keeps the minimum of five keywords that problem solving adds to Keywords', () => {
    const ps = activityVariants(spec).find((v) => v.type === 'PS_SENGKETA');
    const keywords = resolveSchema(
      spec,
      ps?.schema.properties?.details?.properties?.keywords ?? {},
    );
    expect(keywords.minItems).toBe(5);
    expect(keywords.maxItems).toBe(20);
  });

  it('reports errors with the server’s codes and paths', () => {
    const errors = validateActivity(spec, {
      type: 'PS_NON_SENGKETA',
      date: '2026-11-20',
      location: { desaCode: '63.08.05.1002', rt: 'tiga' },
      description: 'terlalu pendek',
      details: { keywords: ['a1', 'b2'], partiesInvolved: [] },
    });
    const byField = Object.fromEntries(errors.map((e) => [e.field, e.code]));
    expect(byField.description).toBe('description-too-short');
    expect(byField['details.keywords']).toBe('too-few-keywords');
    expect(byField['location.rt']).toBe('pattern');
    expect(byField['details.partiesInvolved']).toBe('minItems');
    expect(byField['details.problem']).toBe('required');
    expect(errors.find((e) => e.field === 'location.rt')?.message).toBe(
      'Masukkan angka, misalnya 03.',
    );
  });

  it('writes messages in English when asked', () => {
    const errors = validateActivity(spec, { type: 'GIAT_DESA', description: 'x'.repeat(10) }, 'en');
    expect(errors.find((e) => e.field === 'description')?.message).toBe(
      'A description needs at least 50 characters (now 10).',
    );
    expect(errors.find((e) => e.field === 'date')?.message).toBe('Required.');
  });

  it('validates other contract schemas by name', () => {
    expect(
      validateSchemaByName(spec, 'ReviewInput', { decision: 'RETURN' }).map((e) => e.field),
    ).toContain('note');
    expect(validateSchemaByName(spec, 'ReviewInput', { decision: 'APPROVE' })).toEqual([]);
  });

  it('drops what was left empty in optional places but keeps required groups', () => {
    const dds = activityVariants(spec).find((v) => v.type === 'DDS_WARGA');
    const pruned = pruneEmpty(
      {
        type: 'DDS_WARGA',
        description: '',
        details: { headOfHousehold: {}, relativeElsewhere: {}, householdMembers: [] },
      },
      dds?.schema,
    );
    expect(pruned).toEqual({ type: 'DDS_WARGA', details: { headOfHousehold: {} } });
  });
});
