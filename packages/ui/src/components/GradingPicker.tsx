import { useI18n } from '../i18n/I18nProvider.js';
import type { Locale, MessageKey } from '../i18n/messages.js';
import { RadioGroupField } from './Field.js';

/** The contract's `SourceReliability` (BOS V2 uses A-D of the Admiralty scale). */
export type SourceReliability = 'A' | 'B' | 'C' | 'D';
/** The contract's `InformationCredibility` (BOS V2 uses 1-4). */
export type InformationCredibility = 1 | 2 | 3 | 4;

/** The grade of a piece of information; either part may still be missing. */
export interface Grading {
  sourceReliability?: SourceReliability;
  credibility?: InformationCredibility;
}

export const RELIABILITIES: readonly SourceReliability[] = ['A', 'B', 'C', 'D'];
export const CREDIBILITIES: readonly InformationCredibility[] = [1, 2, 3, 4];

/** Props of {@link GradingPicker}. */
export interface GradingPickerProps {
  value: Grading;
  onChange: (value: Grading) => void;
  /** Errors keyed `sourceReliability` and `credibility`, as in the contract. */
  errors?: { sourceReliability?: string | undefined; credibility?: string | undefined };
  /** Ids: `<idPrefix>-sourceReliability`, `<idPrefix>-credibility`. */
  idPrefix?: string;
  locale?: Locale;
}

/**
 * Grades an information report: how reliable the source is (A-D) and how credible the
 * information is (1-4), each grade explained in plain words, and the combined grade ("B2").
 *
 * @example
 * ```tsx
 * <GradingPicker value={grading} onChange={setGrading} />
 * ```
 */
export function GradingPicker({
  value,
  onChange,
  errors = {},
  idPrefix = 'grading',
  locale,
}: GradingPickerProps) {
  const { t } = useI18n(locale);
  const grade =
    value.sourceReliability && value.credibility
      ? `${value.sourceReliability}${value.credibility}`
      : null;
  return (
    <fieldset className="bos-fieldset bos-grading">
      <legend className="bos-legend bos-legend--m">{t('grading.legend')}</legend>
      <RadioGroupField
        id={`${idPrefix}-sourceReliability`}
        legend={t('grading.reliability')}
        hint={t('grading.reliabilityHint')}
        error={errors.sourceReliability}
        locale={locale}
        value={value.sourceReliability ?? ''}
        options={RELIABILITIES.map((r) => ({
          value: r,
          label: t(`grading.${r}` as MessageKey),
          hint: t(`grading.${r}.about` as MessageKey),
        }))}
        onValueChange={(v) => onChange({ ...value, sourceReliability: v as SourceReliability })}
      />
      <RadioGroupField
        id={`${idPrefix}-credibility`}
        legend={t('grading.credibility')}
        hint={t('grading.credibilityHint')}
        error={errors.credibility}
        locale={locale}
        value={value.credibility ? String(value.credibility) : ''}
        options={CREDIBILITIES.map((c) => ({
          value: String(c),
          label: t(`grading.${c}` as MessageKey),
          hint: t(`grading.${c}.about` as MessageKey),
        }))}
        onValueChange={(v) =>
          onChange({ ...value, credibility: Number(v) as InformationCredibility })
        }
      />
      <p className="bos-grading__result" aria-live="polite">
        {grade ? t('grading.result', { grade }) : ''}
      </p>
    </fieldset>
  );
}
