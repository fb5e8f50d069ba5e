import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { controlId } from '../components/ids.js';
import type { PositionSource } from '../components/LocationCapture.js';
import type { RegionSource } from '../components/region-source.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Locale, MessageKey } from '../i18n/messages.js';
import {
  type FieldErrorMap,
  fieldErrorsFromList,
  fieldErrorsFromProblem,
  formLevelMessage,
  type Problem,
} from '../problem/problem.js';
import { commonHints, type FormSection, type TypeHints } from './hints.js';
import { setAt } from './paths.js';
import {
  drawsSomething,
  SchemaField,
  type SchemaFormContext,
  schemaAt,
  summaryLabel,
  type UploadAttachment,
} from './SchemaForm.js';
import {
  initialValue,
  type JsonSchema,
  pruneEmpty,
  resolveSchema,
  type SchemaDocument,
  validateSchemaByName,
} from './schema.js';

/** Props of {@link ContractForm}. */
export interface ContractFormProps {
  /** The bundled contract (`import spec from '@bosv2/contract/openapi.json'`). */
  spec: SchemaDocument;
  /** The schema of the request body, by name (`InformationReportInput`, `ActivityGiatDesaInput`). */
  schemaName: string;
  /** The form's heading. */
  title: string;
  /** Sections, order, widgets and labels; without them every field shows in schema order. */
  hints?: TypeHints;
  /** Values to start from (a draft, or an example). */
  defaultValue?: Record<string, unknown>;
  /** Called with the cleaned, schema-valid input; a rejected promise keeps the form open. */
  onSubmit: (input: Record<string, unknown>) => void | Promise<void>;
  /** Every change, e.g. to save a draft offline. */
  onChange?: (value: Record<string, unknown>) => void;
  /** The server's answer to the last submit (problem+json): its field errors show on the fields. */
  problem?: Problem | null;
  /** Region lists for the location (SDK or static); without it the codes are typed. */
  regionSource?: RegionSource;
  /** Uploads photos and documents first; without it the photo field is left out. */
  uploadAttachment?: UploadAttachment;
  positionSource?: PositionSource;
  /** Replaces the photo downscale (a worker-based version, or tests). */
  downscalePhoto?: SchemaFormContext['downscalePhoto'];
  /** Says GPS points are simulated (training). */
  simulatedPosition?: boolean;
  /** Check at once and show the errors (to continue a returned draft). */
  validateOnMount?: boolean;
  submitLabel?: string;
  busy?: boolean;
  /** Prefix of every control's id (`<idPrefix>-details-headOfHousehold-name`). */
  idPrefix?: string;
  locale?: Locale;
}

function sectionTitle(
  section: FormSection,
  locale: Locale,
  t: (key: MessageKey) => string,
): string | null {
  if (!section.title) return null;
  return typeof section.title === 'string' ? t(section.title) : section.title[locale];
}

/**
 * A form for any request body of the contract, drawn from its JSON Schema with layout hints and
 * checked with the same schema before it is sent. Errors show on each field and in a summary at
 * the top that takes focus and links to the fields; the server's problem+json errors show the
 * same way. {@link ActivityForm} is this form for the activity types.
 *
 * @example
 * ```tsx
 * <ContractForm spec={spec} schemaName="InformationReportInput" title="Laporan informasi"
 *   hints={formHints.InformationReportInput} onSubmit={(input) => client.informationReports.create({ body: input })} />
 * ```
 */
export function ContractForm({
  spec,
  schemaName,
  title,
  hints = {},
  defaultValue,
  onSubmit,
  onChange,
  problem,
  regionSource,
  uploadAttachment,
  positionSource,
  downscalePhoto,
  simulatedPosition,
  validateOnMount = false,
  submitLabel,
  busy: busyProp,
  idPrefix = 'form',
  locale,
}: ContractFormProps) {
  const { t, locale: lang } = useI18n(locale);
  const schema = useMemo<JsonSchema>(
    () => resolveSchema(spec, { $ref: `#/components/schemas/${schemaName}` }),
    [spec, schemaName],
  );
  const [value, setValue] = useState<Record<string, unknown>>(() => ({
    ...initialValue(schema),
    ...defaultValue,
  }));
  const [attempts, setAttempts] = useState(validateOnMount ? 1 : 0);
  const [submitting, setSubmitting] = useState(false);

  const set = useCallback(
    (path: string, next: unknown) => setValue((current) => setAt(current, path, next)),
    [],
  );

  // Report changes after they are applied (not from inside the state updater, which React may
  // call twice), and not for the initial value.
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const initial = useRef(value);
  useEffect(() => {
    if (value !== initial.current) onChangeRef.current?.(value);
  }, [value]);

  const clientErrors = useMemo(
    () =>
      attempts > 0 ? validateSchemaByName(spec, schemaName, pruneEmpty(value, schema), lang) : [],
    [attempts, schema, schemaName, spec, value, lang],
  );

  const errors: FieldErrorMap = {
    ...fieldErrorsFromProblem(problem),
    ...fieldErrorsFromList(clientErrors),
  };
  const sections: FormSection[] = (hints.sections ?? [{ paths: [] }]).map((section) => ({
    ...section,
    paths: [...section.paths],
  }));
  // Top-level fields no section names (a property added to the contract) go in the last section.
  const named = new Set(sections.flatMap((section) => section.paths.map((p) => p.split('.')[0])));
  const leftovers = Object.keys(schema.properties ?? {}).filter((name) => !named.has(name));
  sections[sections.length - 1]?.paths.push(...leftovers);
  const claimed = new Set(
    sections.flatMap((section) => section.paths).filter((p) => p.includes('.')),
  );

  const ctx: SchemaFormContext = {
    locale: lang,
    t,
    fields: { ...commonHints, ...hints.fields },
    errors,
    idPrefix,
    root: value,
    set,
    claimed,
    regionSource,
    uploadAttachment,
    positionSource,
    simulatedPosition,
    downscalePhoto,
  };

  const summary = Object.entries(errors).map(([field, message]) => ({
    message,
    label: summaryLabel(ctx, field),
    targetId: controlId(idPrefix, field),
  }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempts((n) => n + 1);
    const input = pruneEmpty(value, schema) as Record<string, unknown>;
    if (validateSchemaByName(spec, schemaName, input, lang).length > 0) return;
    setSubmitting(true);
    try {
      await onSubmit(input);
    } finally {
      setSubmitting(false);
    }
  };

  const busy = busyProp || submitting;
  return (
    <form
      className="bos-form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby={`${idPrefix}-title`}
    >
      <h1 className="bos-form__title" id={`${idPrefix}-title`}>
        {title}
      </h1>
      <ErrorSummary
        key={attempts}
        items={summary}
        formError={formLevelMessage(problem)}
        locale={lang}
      />
      {sections.map((section, index) => {
        const parts = section.paths
          .map((path) => ({ path, at: schemaAt(schema, path) }))
          .filter(
            (part): part is { path: string; at: NonNullable<typeof part.at> } => part.at !== null,
          )
          .filter((part) => drawsSomething(part.at.schema, part.path, ctx));
        if (parts.length === 0) return null;
        const heading = sectionTitle(section, lang, t);
        const titleId = `${idPrefix}-section-${index}`;
        const fields = parts.map((part) => (
          <SchemaField
            key={part.path}
            schema={part.at.schema}
            path={part.path}
            required={part.at.required}
            ctx={ctx}
            flat
          />
        ));
        return heading ? (
          <section key={titleId} className="bos-form__section" aria-labelledby={titleId}>
            <h2 className="bos-form__section-title" id={titleId}>
              {heading}
            </h2>
            {fields}
          </section>
        ) : (
          <div key={titleId} className="bos-form__section">
            {fields}
          </div>
        );
      })}
      <button
        type="submit"
        className="bos-button bos-button--primary"
        disabled={busy}
        aria-disabled={busy}
      >
        {busy ? t('form.submitting') : (submitLabel ?? t('form.submit'))}
      </button>
    </form>
  );
}
