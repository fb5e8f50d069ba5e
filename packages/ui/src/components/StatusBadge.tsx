import { useI18n } from '../i18n/I18nProvider.js';
import { humanize } from '../i18n/labels.js';
import { hasMessage, type Locale } from '../i18n/messages.js';

/** An officer's report status or a citizen report's status. */
export type ReportStatusValue =
  | 'DRAFT'
  | 'SUBMITTED'
  | 'APPROVED'
  | 'RETURNED'
  | 'SENT'
  | 'RECEIVED'
  | 'IN_PROGRESS'
  | 'RESOLVED'
  | 'REJECTED';

const TONE: Record<string, string> = {
  DRAFT: 'neutral',
  SUBMITTED: 'info',
  APPROVED: 'ok',
  RETURNED: 'attention',
  SENT: 'info',
  RECEIVED: 'info',
  IN_PROGRESS: 'info',
  RESOLVED: 'ok',
  REJECTED: 'attention',
};

/** The words for a status in a locale (humanised if unknown). */
export function statusLabel(status: string, t: (key: 'status.DRAFT') => string): string {
  const key = `status.${status}`;
  return hasMessage(key) ? t(key as 'status.DRAFT') : humanize(status);
}

/**
 * A status as a tag: words first, colour only as a second cue.
 *
 * @example
 * ```tsx
 * <StatusBadge status="RETURNED" />
 * ```
 */
export function StatusBadge({
  status,
  locale,
}: {
  status: ReportStatusValue | string;
  locale?: Locale;
}) {
  const { t } = useI18n(locale);
  return (
    <strong className={`bos-tag bos-tag--${TONE[status] ?? 'neutral'}`}>
      {statusLabel(status, t)}
    </strong>
  );
}
