import { useMemo } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { enumLabel } from '../i18n/labels.js';
import { ContractForm, type ContractFormProps } from './ContractForm.js';
import { activityHints, hintsFor, type TypeHints } from './hints.js';
import { activityVariants } from './schema.js';

/** Props of {@link ActivityForm}. */
export interface ActivityFormProps
  extends Omit<ContractFormProps, 'schemaName' | 'title' | 'hints'> {
  /** The activity type (`DDS_WARGA`, ...): one of the contract's `ActivityInput` variants. */
  type: string;
  /** Extra or replacement layout hints, by type (merged over {@link activityHints}). */
  hints?: Record<string, TypeHints>;
  /** The heading; the type's name by default. */
  title?: string;
}

/**
 * The form for any activity type, drawn from the contract's JSON Schema for that type with the
 * layout hints table, and checked with the same schema before it is sent: a new type in the
 * contract gets a working form without code.
 *
 * @example
 * ```tsx
 * import spec from '@bosv2/contract/openapi.json';
 * <ActivityForm spec={spec} type="GIAT_DESA" regionSource={staticRegionSource(sampleRegions)}
 *   onSubmit={(input) => outbox.enqueue('createActivity', input)} />
 * ```
 */
export function ActivityForm({
  spec,
  type,
  hints,
  title,
  defaultValue,
  idPrefix = 'activity',
  ...rest
}: ActivityFormProps) {
  const { t, locale } = useI18n(rest.locale);
  const variant = useMemo(() => activityVariants(spec).find((v) => v.type === type), [spec, type]);
  if (!variant) {
    return (
      <p className="bos-inline-problem" role="alert">
        {t('activity.unknownType', { type })}
      </p>
    );
  }
  return (
    <ContractForm
      // A new type is a new form: start from its own initial value.
      key={type}
      {...rest}
      spec={spec}
      schemaName={variant.schemaName}
      title={title ?? enumLabel(type, locale)}
      hints={hintsFor(type, hints ? { ...activityHints, ...hints } : activityHints)}
      defaultValue={{ ...defaultValue, type }}
      idPrefix={idPrefix}
    />
  );
}
