import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { spec } from '../test-spec.js';
import { ActivityForm } from './ActivityForm.js';
import { activityVariants, type SchemaDocument } from './schema.js';

/** The contract with one more activity type, as a future contract change would add it. */
function withNewType(): SchemaDocument {
  const copy = structuredClone(spec) as SchemaDocument & {
    components: { schemas: Record<string, Record<string, unknown>> };
  };
  const schemas = copy.components.schemas;
  schemas.PatroliSungaiDetails = {
    type: 'object',
    additionalProperties: false,
    required: ['boatName', 'crewCount', 'riverCondition'],
    properties: {
      boatName: { type: 'string', minLength: 2, maxLength: 100 },
      crewCount: { type: 'integer', minimum: 1, maximum: 20 },
      riverCondition: { type: 'string', enum: ['TENANG', 'ARUS_DERAS', 'BANJIR'] },
      findings: {
        type: 'array',
        maxItems: 10,
        items: { type: 'string', minLength: 3, maxLength: 200 },
      },
    },
  };
  schemas.ActivityPatroliSungaiInput = {
    title: 'PATROLI_SUNGAI',
    allOf: [{ $ref: '#/components/schemas/ActivityCommon' }],
    type: 'object',
    required: ['type', 'details'],
    properties: {
      type: { type: 'string', const: 'PATROLI_SUNGAI' },
      details: { $ref: '#/components/schemas/PatroliSungaiDetails' },
    },
  };
  const union = schemas.ActivityInput as { oneOf: unknown[] };
  union.oneOf = [...union.oneOf, { $ref: '#/components/schemas/ActivityPatroliSungaiInput' }];
  // ActivityCommon's `type` points at ActivityType; extend the enum as the contract would.
  const activityType = schemas.ActivityType as { enum: string[] };
  activityType.enum = [...activityType.enum, 'PATROLI_SUNGAI'];
  return copy;
}

describe('a new activity type in the contract', () => {
  it('gets a working form and validation with no code change', async () => {
    const doc = withNewType();
    expect(activityVariants(doc).map((v) => v.type)).toContain('PATROLI_SUNGAI');
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(
      <ActivityForm
        spec={doc}
        type="PATROLI_SUNGAI"
        locale="en"
        defaultValue={{
          date: '2026-11-20',
          location: { desaCode: '63.08.05.1002' },
          description:
            'Patroli perahu di Sungai Tabalong dari Murung Sari ke Pasar Senin, memeriksa dermaga dan keramba warga.',
        }}
        onSubmit={onSubmit}
      />,
    );
    // Labels come from the property names when no hint exists.
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByLabelText('Boat name').getAttribute('aria-invalid')).toBe('true');
    expect(onSubmit).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('Boat name'), 'KP Bhabin 01');
    await user.type(screen.getByLabelText('Crew count'), '3');
    await user.click(screen.getByLabelText('Arus deras'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      type: 'PATROLI_SUNGAI',
      details: { boatName: 'KP Bhabin 01', crewCount: 3, riverCondition: 'ARUS_DERAS' },
    });
  });
});
