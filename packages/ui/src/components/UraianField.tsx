import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Locale } from '../i18n/messages.js';
import { TextAreaField } from './Field.js';
import { analyseUraian } from './uraian.js';

export { analyseUraian, type UraianAnalysis } from './uraian.js';

/** Props of {@link UraianField}. */
export interface UraianFieldProps {
  id?: string;
  value: string;
  onValueChange: (value: string) => void;
  label?: string;
  error?: string | undefined;
  /** BOS V2 requires 50. */
  min?: number;
  max?: number;
  /** Show the "what makes a useful description" advice (on by default). */
  showAdvice?: boolean;
  rows?: number;
  locale?: Locale;
}

/**
 * The description (uraian) field: a live character count against the 50-character minimum,
 * advice on what a useful description says, and a gentle warning when the text looks padded.
 * The count is announced politely only when the state changes (not on every key).
 *
 * @example
 * ```tsx
 * <UraianField value={text} onValueChange={setText} error={errors.description} />
 * ```
 */
export function UraianField({
  id,
  value,
  onValueChange,
  label,
  error,
  min = 50,
  max = 5000,
  showAdvice = true,
  rows = 6,
  locale,
}: UraianFieldProps) {
  const { t } = useI18n(locale);
  const countId = `${useId().replace(/[^a-zA-Z0-9_-]/g, '')}-count`;
  const analysis = analyseUraian(value, { min, max });
  const countText = t('uraian.countMin', { n: analysis.length, min });
  const stateText = analysis.overMaximum
    ? t('uraian.tooLong', { n: analysis.length - max })
    : analysis.meetsMinimum
      ? t('uraian.enough')
      : t('uraian.remaining', { n: analysis.missing });
  const hint = showAdvice ? (
    <details className="bos-details">
      <summary>{t('uraian.hintTitle')}</summary>
      <ul>
        <li>{t('uraian.hintWho')}</li>
        <li>{t('uraian.hintWhat')}</li>
        <li>{t('uraian.hintWhereWhen')}</li>
        <li>{t('uraian.hintAction')}</li>
        <li>{t('uraian.hintNoPadding')}</li>
      </ul>
    </details>
  ) : undefined;
  return (
    <TextAreaField
      id={id}
      label={label ?? t('uraian.label')}
      hint={hint}
      error={error}
      locale={locale}
      rows={rows}
      value={value}
      onValueChange={onValueChange}
      extraDescribedBy={countId}
      after={
        <>
          <p
            id={countId}
            className={`bos-count${analysis.meetsMinimum && !analysis.overMaximum ? ' bos-count--ok' : ''}`}
          >
            {countText}. {stateText}.
          </p>
          {/* Announces only the state ("5 more needed" → "long enough"), not every keystroke. */}
          <p className="bos-visually-hidden" aria-live="polite">
            {analysis.meetsMinimum || analysis.overMaximum ? stateText : ''}
          </p>
          {analysis.looksPadded ? (
            <p className="bos-warning-text">
              <span aria-hidden="true" className="bos-warning-text__icon">
                !
              </span>
              {t('uraian.padded')}
            </p>
          ) : null}
        </>
      }
    />
  );
}
