import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Locale } from '../i18n/messages.js';

/** One scored part of an exercise. */
export interface ScoreItem {
  label: string;
  points: number;
  max: number;
  /** What to do better, shown when points < max. */
  feedback?: string;
}

/** Props of {@link ScoreSummary}. */
export interface ScoreSummaryProps {
  score: number;
  max: number;
  /** The share needed to pass (default 0.8). */
  passRatio?: number;
  items?: readonly ScoreItem[];
  title?: string;
  onRetry?: () => void;
  locale?: Locale;
}

/** The percentage of a score, rounded down so 79.6% does not read as a pass at 80%. */
export function scorePercent(score: number, max: number): number {
  if (max <= 0) return 0;
  return Math.floor((Math.max(0, Math.min(score, max)) / max) * 100);
}

/**
 * The result of a training exercise: points, percentage, pass or not (in words, not colour
 * only), each part's points and what to study again.
 *
 * @example
 * ```tsx
 * <ScoreSummary score={7} max={10} items={[{ label: 'Uraian', points: 1, max: 3, feedback: 'Sebutkan RT/RW.' }]} />
 * ```
 */
export function ScoreSummary({
  score,
  max,
  passRatio = 0.8,
  items = [],
  title,
  onRetry,
  locale,
}: ScoreSummaryProps) {
  const { t } = useI18n(locale);
  const titleId = `bos-score-title${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const percent = scorePercent(score, max);
  const passed = percent >= Math.round(passRatio * 100);
  const mistakes = items.filter((item) => item.points < item.max && item.feedback);
  return (
    <section
      className={`bos-score bos-score--${passed ? 'passed' : 'failed'}`}
      aria-labelledby={titleId}
    >
      <h2 className="bos-score__title" id={titleId}>
        {title ?? t('score.title')}
      </h2>
      <p className="bos-score__result">
        <strong className="bos-score__verdict">
          {passed ? t('score.passed') : t('score.failed')}
        </strong>
        <span className="bos-score__percent">{t('score.percent', { percent })}</span>
      </p>
      <p className="bos-body">
        {t('score.points', { score, max })}.{' '}
        {t('score.passHint', { percent: Math.round(passRatio * 100) })}
      </p>
      <div className="bos-score__bar" aria-hidden="true">
        <span style={{ width: `${percent}%` }} />
      </div>
      {items.length > 0 ? (
        <table className="bos-table">
          <tbody>
            {items.map((item) => (
              <tr key={item.label}>
                <th scope="row">{item.label}</th>
                <td>{t('score.item', { points: item.points, max: item.max })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {mistakes.length > 0 ? (
        <>
          <h3 className="bos-score__subtitle">{t('score.mistakes')}</h3>
          <ul className="bos-list">
            {mistakes.map((item) => (
              <li key={item.label}>
                <strong>{item.label}:</strong> {item.feedback}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {onRetry ? (
        <button type="button" className="bos-button bos-button--secondary" onClick={onRetry}>
          {t('score.retry')}
        </button>
      ) : null}
    </section>
  );
}
