import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Locale } from '../i18n/messages.js';
import { formatDateTime } from './dates.js';
import { statusLabel } from './StatusBadge.js';

/** One step of a report's life. */
export interface TimelineStep {
  status: string;
  /** RFC 3339. */
  at: string;
  /** Who made the step ("Bripka Rahmat Hidayat", "Sistem BOS V2"). */
  by?: string;
  /** The message or the supervisor's note. */
  note?: string | null;
}

/** Props of {@link StatusTimeline}. */
export interface StatusTimelineProps {
  steps: readonly TimelineStep[];
  title?: string;
  locale?: Locale;
}

/**
 * The history of a report, oldest first, the current step marked in words: for an officer's
 * report (draft → submitted → approved/returned) or a citizen's (sent → received → in progress
 * → resolved/rejected), with each step's message.
 *
 * @example
 * ```tsx
 * <StatusTimeline steps={report.responses.map((r) => ({ status: r.status, at: r.createdAt, by: r.authorName, note: r.message }))} />
 * ```
 */
export function StatusTimeline({ steps, title, locale }: StatusTimelineProps) {
  const { t, locale: lang } = useI18n(locale);
  const titleId = `bos-timeline-title${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <section className="bos-timeline" aria-labelledby={titleId}>
      <h2 className="bos-timeline__title" id={titleId}>
        {title ?? t('timeline.title')}
      </h2>
      {steps.length === 0 ? (
        <p className="bos-body">{t('timeline.empty')}</p>
      ) : (
        <ol className="bos-timeline__list">
          {steps.map((step, index) => {
            const current = index === steps.length - 1;
            return (
              <li
                // Steps have no ids; their order never changes.
                // biome-ignore lint/suspicious/noArrayIndexKey: append-only history
                key={index}
                className={`bos-timeline__step${current ? ' bos-timeline__step--current' : ''}`}
                aria-current={current ? 'step' : undefined}
              >
                <p className="bos-timeline__status">
                  {statusLabel(step.status, t)}
                  {current ? (
                    <span className="bos-timeline__now"> {t('timeline.current')}</span>
                  ) : null}
                </p>
                <p className="bos-timeline__meta">
                  <time dateTime={step.at}>{formatDateTime(step.at, lang)}</time>
                  {step.by ? ` · ${t('timeline.by', { name: step.by })}` : ''}
                </p>
                {step.note ? <p className="bos-timeline__note">{step.note}</p> : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
