import {
  ErrorSummary,
  type FieldHint,
  fieldErrorsFromList,
  fieldErrorsFromProblem,
  formLevelMessage,
  initialValue,
  type JsonSchema,
  type Problem,
  pruneEmpty,
  type RegionSource,
  resolveSchema,
  type SchemaDocument,
  SchemaField,
  type SchemaFormContext,
  setAt,
  useI18n as useUiI18n,
  validateSchemaByName,
} from '@bosv2/ui';
import { type FormEvent, useMemo, useState } from 'react';

export interface OperationFormProps {
  spec: SchemaDocument;
  /** The request body's schema name in the contract (`DailyReportCreate`). */
  schemaName: string;
  title: string;
  defaultValue?: Record<string, unknown>;
  /** What the step expects: its record ids are filled in as the real app would (contextIds). */
  context?: Record<string, unknown>;
  problem?: Problem | null;
  submitLabel: string;
  regionSource?: RegionSource;
  onSubmit(input: Record<string, unknown>): void | Promise<void>;
}

/**
 * Fields the schema form would leave out but the trainee must type: a required top-level desa
 * code (a citizen's own desa; outside a report's location the form would take it from there).
 */
export function typedFields(schema: JsonSchema): Record<string, FieldHint> {
  const fields: Record<string, FieldHint> = {};
  if ((schema.required ?? []).includes('desaCode') && schema.properties?.desaCode) {
    fields.desaCode = { widget: 'text' };
  }
  return fields;
}

const isUuid = (schema: JsonSchema) =>
  schema.format === 'uuid' || (schema.type === 'array' && schema.items?.format === 'uuid');

/**
 * The record ids of `from` that the real app fills from where the form is opened and the form
 * does not draw: the day's activities of a daily report draft, the activity an information
 * report comes from, the follow-up report linked to a citizen report. Attachments are chosen on
 * their own step and are left out.
 */
export function contextIds(
  spec: SchemaDocument,
  schema: JsonSchema,
  from: unknown,
): Record<string, unknown> {
  if (typeof from !== 'object' || from === null || Array.isArray(from)) return {};
  const out: Record<string, unknown> = {};
  const conditional = (schema as { then?: JsonSchema }).then?.properties ?? {};
  for (const [name, raw] of Object.entries({ ...conditional, ...(schema.properties ?? {}) })) {
    const value = (from as Record<string, unknown>)[name];
    if (value === undefined || /attachment|photo/i.test(name)) continue;
    const child = resolveSchema(spec, raw as JsonSchema);
    if (isUuid(child)) out[name] = value;
    else if (child.properties) {
      const inner = contextIds(spec, child, value);
      if (Object.keys(inner).length > 0) out[name] = { ...(value as object), ...inner };
    }
  }
  return out;
}

/**
 * A form for any request body of the contract (daily and monthly reports, citizen reports,
 * reviews...), drawn from its JSON Schema with @bosv2/ui's schema fields and checked with the
 * same schema before it is sent. Activities use @bosv2/ui's ActivityForm instead.
 */
export function OperationForm({
  spec,
  schemaName,
  title,
  defaultValue,
  context,
  problem,
  submitLabel,
  regionSource,
  onSubmit,
}: OperationFormProps) {
  const { t, locale } = useUiI18n();
  const schema = useMemo(
    () => resolveSchema(spec, { $ref: `#/components/schemas/${schemaName}` } as JsonSchema),
    [spec, schemaName],
  );
  const [value, setValue] = useState<Record<string, unknown>>(() => ({
    ...initialValue(schema),
    ...contextIds(spec, schema, context),
    ...defaultValue,
  }));
  const fields = useMemo(() => typedFields(schema), [schema]);
  const [attempts, setAttempts] = useState(0);
  const clientErrors = useMemo(
    () =>
      attempts > 0 ? validateSchemaByName(spec, schemaName, pruneEmpty(value, schema), locale) : [],
    [attempts, spec, schemaName, value, schema, locale],
  );
  const errors = { ...fieldErrorsFromProblem(problem), ...fieldErrorsFromList(clientErrors) };
  const ctx: SchemaFormContext = {
    locale,
    t,
    fields,
    errors,
    idPrefix: 'op',
    root: value,
    set: (path, next) => setValue((current) => setAt(current, path, next)),
    claimed: new Set(),
    regionSource,
  };
  const required = new Set(schema.required ?? []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempts((n) => n + 1);
    const input = pruneEmpty(value, schema) as Record<string, unknown>;
    if (validateSchemaByName(spec, schemaName, input, locale).length > 0) return;
    await onSubmit(input);
  };
  return (
    <form
      className="bos-form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label={title}
    >
      <ErrorSummary
        key={attempts}
        items={Object.entries(errors).map(([field, message]) => ({
          message,
          label: field,
          targetId: `op-${field.replace(/\./g, '-')}`,
        }))}
        formError={formLevelMessage(problem)}
      />
      {Object.entries(schema.properties ?? {}).map(([name, child]) => (
        <SchemaField
          key={name}
          schema={child as JsonSchema}
          path={name}
          required={required.has(name)}
          ctx={ctx}
        />
      ))}
      <button type="submit" className="bos-button bos-button--primary" data-testid="entry-submit">
        {submitLabel}
      </button>
    </form>
  );
}
