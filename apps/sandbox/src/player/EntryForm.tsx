import spec from '@bosv2/contract/openapi.json';
import { isBundledContract, precompiledSchemaValidator } from '@bosv2/mock/validators';
import type { EntryStep } from '@bosv2/training';
import {
  ActivityForm,
  type Problem,
  type RegionSource,
  registerPrecompiledValidators,
  type SchemaDocument,
} from '@bosv2/ui';
import { useI18n } from '../i18n/context.js';
import { OperationForm } from './OperationForm.js';
import { operationIndex } from './operations.js';
import { UploadForm } from './UploadForm.js';

// The forms of a scenario's entry steps and the contract they are drawn from (the bundled
// OpenAPI document): a chunk of its own, loaded just after the player is on screen.

const SPEC = spec as unknown as SchemaDocument;
// The forms check entries with the contract's validators precompiled in @bosv2/mock: nothing is
// compiled in the page (no 'unsafe-eval' in the CSP), and the first Kirim is not slowed by Ajv.
if (isBundledContract(SPEC)) registerPrecompiledValidators(SPEC, precompiledSchemaValidator);
const OPERATIONS = operationIndex(spec as never);

/** The contract's operations, for the player (which request a step sends, how to address it). */
export const contract = { operations: OPERATIONS };

/** The form of an entry step: an activity, an upload, or any other request body of the contract. */
export function EntryForm({
  step,
  values,
  problem,
  busy,
  regionSource,
  onSubmit,
}: {
  step: EntryStep;
  values: Record<string, unknown> | undefined;
  problem: Problem | null;
  busy: boolean;
  regionSource: RegionSource;
  onSubmit(input?: Record<string, unknown>): Promise<void>;
}) {
  const { t, locale } = useI18n();
  const op = OPERATIONS.get(step.operationId);
  if (!step.expected) {
    return (
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => void onSubmit()}
        data-testid="entry-submit"
      >
        {t('scenario.submit')}
      </button>
    );
  }
  const type = typeof step.expected.type === 'string' ? step.expected.type : null;
  if ((step.operationId === 'createActivity' || step.operationId === 'replaceActivity') && type) {
    return (
      <div className="entry-form" data-testid="activity-form">
        <ActivityForm
          spec={SPEC}
          type={type}
          defaultValue={values ?? {}}
          problem={problem}
          busy={busy}
          regionSource={regionSource}
          simulatedPosition
          submitLabel={t('scenario.submit')}
          locale={locale}
          idPrefix="entry"
          onSubmit={(input) => onSubmit(input)}
        />
      </div>
    );
  }
  if (step.operationId === 'uploadAttachment') {
    const kinds = (SPEC as { components?: { schemas?: Record<string, { enum?: string[] }> } })
      .components?.schemas?.AttachmentKind?.enum;
    return (
      <div className="entry-form" data-testid="upload-form">
        <UploadForm
          kinds={kinds ?? []}
          defaultValue={values ?? {}}
          submitLabel={t('scenario.submit')}
          onSubmit={(input) => onSubmit(input)}
        />
      </div>
    );
  }
  if (!op?.bodySchema) {
    return <p className="note note-warn">{t('player.noForm', { op: step.operationId })}</p>;
  }
  return (
    <div className="entry-form" data-testid="operation-form">
      <OperationForm
        spec={SPEC}
        schemaName={op.bodySchema}
        title={step.title[locale]}
        defaultValue={values ?? {}}
        context={step.expected}
        problem={problem}
        submitLabel={t('scenario.submit')}
        regionSource={regionSource}
        onSubmit={(input) => onSubmit(input)}
      />
    </div>
  );
}
