import { useI18n } from '../i18n/I18nProvider.js';
import { enumLabel } from '../i18n/labels.js';
import type { Locale } from '../i18n/messages.js';
import { formatDate } from './dates.js';
import { StatusBadge } from './StatusBadge.js';

export { type ReportStatusValue, StatusBadge, statusLabel } from './StatusBadge.js';

/** What a report card shows: a summary of an activity, information or citizen report. */
export interface ReportSummary {
  id: string;
  /** An activity type (`DDS_WARGA`) or any title. */
  type?: string;
  title?: string;
  /** `YYYY-MM-DD` or RFC 3339. */
  date: string;
  status: string;
  description?: string;
  /** "Murung Sari, Amuntai Tengah" (the desa's name, not its code). */
  place?: string;
  /** The supervisor's note when returned. */
  reviewNote?: string | null;
}

/** Props of {@link ReportCard}. */
export interface ReportCardProps {
  report: ReportSummary | null;
  /** A link to the report; or use `onOpen` for a button. */
  href?: string;
  onOpen?: (id: string) => void;
  /** Headings level of the card's title (default 3). */
  headingLevel?: 2 | 3 | 4;
  locale?: Locale;
}

/**
 * One report in a list: what, when, where, its status, the start of its description and,
 * when returned, the supervisor's note, so the officer sees what to fix without opening it.
 *
 * @example
 * ```tsx
 * <ReportCard report={{ id, type: 'DDS_WARGA', date: '2026-11-20', status: 'RETURNED',
 *   reviewNote: 'Lengkapi RT/RW.' }} href={`/laporan/${id}`} />
 * ```
 */
export function ReportCard({ report, href, onOpen, headingLevel = 3, locale }: ReportCardProps) {
  const { t, locale: current } = useI18n(locale);
  const Heading = `h${headingLevel}` as 'h3';
  if (!report) {
    return (
      <article className="bos-card bos-card--loading" aria-busy="true">
        <p className="bos-body">{t('report.loading')}</p>
      </article>
    );
  }
  const title = report.title ?? (report.type ? enumLabel(report.type, current) : report.id);
  const excerpt =
    report.description && report.description.length > 160
      ? `${report.description.slice(0, 157)}…`
      : report.description;
  return (
    <article className={`bos-card bos-card--${report.status.toLowerCase()}`}>
      <div className="bos-card__head">
        <Heading className="bos-card__title">{title}</Heading>
        <StatusBadge status={report.status} locale={locale} />
      </div>
      <p className="bos-card__meta">
        <time dateTime={report.date}>{formatDate(report.date, current)}</time>
        {report.place ? ` · ${report.place}` : ''}
      </p>
      {excerpt ? <p className="bos-card__excerpt">{excerpt}</p> : null}
      {report.status === 'RETURNED' && report.reviewNote ? (
        <p className="bos-card__note">{t('report.returnedNote', { note: report.reviewNote })}</p>
      ) : null}
      {href ? (
        <a className="bos-link bos-card__open" href={href}>
          {t('report.open')}
          <span className="bos-visually-hidden"> {title}</span>
        </a>
      ) : onOpen ? (
        <button
          type="button"
          className="bos-button bos-button--secondary"
          onClick={() => onOpen(report.id)}
          aria-label={t('report.openNamed', { title })}
        >
          {t('report.open')}
        </button>
      ) : null}
    </article>
  );
}
